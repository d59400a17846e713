const binary B = "abc"
