;;; thrift-lsp-mode.el --- thrift-ls with lsp-mode  -*- lexical-binding: t; -*-
;; Paste into your init file after lsp-mode is installed, or load this file.
;; Uses the thrift-mode from thrift-eglot.el (or MELPA's thrift-mode).

(require 'lsp-mode)
(add-to-list 'lsp-language-id-configuration '(thrift-mode . "thrift"))
(lsp-register-client
 (make-lsp-client
  :new-connection (lsp-stdio-connection '("thrift-ls" "--stdio"))
  :activation-fn (lsp-activate-on "thrift")
  :server-id 'thrift-ls))
(add-hook 'thrift-mode-hook #'lsp-deferred)
