//! Rendering diagnostics: human, json, github, sarif.
