;;; blueprint-mode.el --- .blueprint files, with eglot and `blueprint lsp'  -*- lexical-binding: t; -*-

;; Highlighting comes from the server's semantic tokens where Emacs supports them (eglot in Emacs 30);
;; these few font-lock rules cover keywords, strings and comments everywhere else.

(require 'eglot)

(defvar blueprint-font-lock-keywords
  `((,(regexp-opt '("blueprint" "persona" "scenario" "owner" "locale" "lane" "line" "phase" "promise") 'symbols)
     . font-lock-keyword-face)
    (,(regexp-opt '("evidence" "customer" "frontstage" "onstage" "backstage" "support") 'symbols) . font-lock-type-face)
    (,(regexp-opt '("from" "to" "within" "recover") 'symbols) . font-lock-builtin-face)
    ("\\_<\\([0-9]+[wdhms]\\)+\\_>" . font-lock-constant-face)))

;;;###autoload
(define-derived-mode blueprint-mode prog-mode "Blueprint"
  "Major mode for service blueprints."
  (setq-local comment-start "# ")
  (setq-local font-lock-defaults '(blueprint-font-lock-keywords))
  (modify-syntax-entry ?# "<" blueprint-mode-syntax-table)
  (modify-syntax-entry ?\n ">" blueprint-mode-syntax-table)
  (modify-syntax-entry ?- "_" blueprint-mode-syntax-table)
  (modify-syntax-entry ?_ "_" blueprint-mode-syntax-table))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.blueprint\\'" . blueprint-mode))
(add-to-list 'eglot-server-programs '(blueprint-mode "blueprint" "lsp"))
(add-hook 'blueprint-mode-hook #'eglot-ensure)

(provide 'blueprint-mode)
;;; blueprint-mode.el ends here
