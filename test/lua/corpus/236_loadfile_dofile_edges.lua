-- loadfile/dofile: a first line starting with '#' is skipped, a syntax error is raised by
-- dofile as a Lua error (returned by loadfile), and no file name reads the standard input.
local path = os.tmpname()
local function write(text) local f = io.open(path, 'w') f:write(text) f:close() end

write('#!/usr/bin/env luajit\nreturn "shebang skipped", debug.getinfo(1, "l").currentline\n')
print(dofile(path) == 'shebang skipped', select(2, dofile(path)))
print(select(2, loadfile(path)()))

write('x = = 1\n')
local ok, err = pcall(dofile, path)
print(ok, (err:gsub('^.-:', 'FILE:')))
local f, msg = loadfile(path)
print(f, (msg:gsub('^.-:', 'FILE:')))
os.remove(path)

-- stdin is empty here: an empty chunk
print(type(loadfile()), select('#', loadfile()()))
print(select('#', dofile()))
print(pcall(loadfile, 5))
