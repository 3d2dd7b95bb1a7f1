-- a module that returns nothing
nothing_was_loaded = true
