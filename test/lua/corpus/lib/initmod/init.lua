-- Found only through a "?/init.lua" entry of package.path (luajit's default has none for ./).
return { name = 'initmod' }
