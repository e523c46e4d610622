" Vim syntax file for blueprint service blueprints (language 1.2), for Neovim 0.7 and later and
" Vim 8: the same categories as the TextMate grammar in editors/vscode. Neovim 0.7 does not use
" the server's semantic tokens, so this is what colours a file there.
if exists("b:current_syntax")
  finish
endif

" A word is letters, marks, digits, `_` and `-`; Chinese ids are words too.
syntax iskeyword @,48-57,_,45,192-255

syntax keyword blueprintStatement blueprint persona scenario owner demand locale lane line phase promise
syntax keyword blueprintLane customer frontstage onstage backstage support evidence
syntax keyword blueprintAttribute moment emotion actor channel note takes wait tolerance fail servers
syntax keyword blueprintKeyword recover from to within for
syntax keyword blueprintConstant en zh-Hans zh-Hant interaction visibility internal
" The id a step or evidence line declares.
syntax match blueprintDeclaration "\(^\s*\(customer\|frontstage\|onstage\|backstage\|support\|evidence\)\s\+\)\@<=[^ \t",#]\+"
syntax match blueprintArrow "->\|\.\.>"
" 45m, 1h30m, spans 5m..15m (the `..` between durations), shares 30%, rates 40/h, and numbers.
syntax match blueprintNumber "\<\(\d\+[wdhms]\)\+\>"
syntax match blueprintNumber "\.\.\ze\d"
syntax match blueprintNumber "\<\d\+\(\.\d\+\)\=\(%\|/[hdw]\>\)"
syntax match blueprintNumber "\<-\=\d\+\>"
syntax region blueprintString start=+"+ skip=+\\\\\|\\"+ end=+"\|$+ oneline contains=blueprintEscape,@Spell
syntax match blueprintEscape +\\\(u{\x\{1,6}}\|.\)+ contained
syntax match blueprintComment "#.*$" contains=@Spell

highlight default link blueprintStatement Statement
highlight default link blueprintLane Type
highlight default link blueprintAttribute Identifier
highlight default link blueprintKeyword Keyword
highlight default link blueprintConstant Constant
highlight default link blueprintDeclaration Function
highlight default link blueprintArrow Operator
highlight default link blueprintNumber Number
highlight default link blueprintString String
highlight default link blueprintEscape SpecialChar
highlight default link blueprintComment Comment

let b:current_syntax = "blueprint"
