;;; thrift-eglot.el --- thrift-ls with Eglot  -*- lexical-binding: t; -*-
;; Paste into your init file, or (load "/path/to/thrift-eglot.el").
;; Needs Eglot (built in since Emacs 29; `elpa-eglot' or M-x package-install on 28)
;; and thrift-ls on `exec-path'.

;; A major mode for .thrift files.  If you use thrift-mode from MELPA, skip this
;; block: the eglot line below works with it as it is.
(unless (fboundp 'thrift-mode)
  (define-derived-mode thrift-mode prog-mode "Thrift"
    "Minimal major mode for Thrift IDL: comments and strings only."
    (modify-syntax-entry ?/ ". 124b" thrift-mode-syntax-table)
    (modify-syntax-entry ?* ". 23" thrift-mode-syntax-table)
    (modify-syntax-entry ?# "< b" thrift-mode-syntax-table)
    (modify-syntax-entry ?\n "> b" thrift-mode-syntax-table)
    (modify-syntax-entry ?' "\"" thrift-mode-syntax-table)
    (setq-local comment-start "// ")
    (setq-local comment-end "")))
(add-to-list 'auto-mode-alist '("\\.thrift\\'" . thrift-mode))

(require 'eglot)
(add-to-list 'eglot-server-programs
             ;; :initializationOptions is optional: include directories for every
             ;; project (thrift-tools.toml is the per-project place for them).
             '(thrift-mode . ("thrift-ls" "--stdio"
                              :initializationOptions (:includeDirs []))))
(add-hook 'thrift-mode-hook #'eglot-ensure)
