complete --keep-order --exclusive --command meshctl --arguments "(COMPLETE=fish meshctl -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
