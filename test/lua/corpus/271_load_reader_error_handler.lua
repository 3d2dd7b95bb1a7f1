-- A reader function's error is load's message, passed through the error handler luajit's VM
-- calls where the error happens: at top level the standalone interpreter's traceback, none
-- under pcall or in a coroutine, xpcall's handler under xpcall. Syntax errors are not.
local function show(f, msg)
  print(f, type(msg) == "string" and (msg:gsub("0x%x+", "0x?")) or type(msg))
end

show(load(function() error("top") end))
show(load(function() error("level 2", 2) end))
show(load(function() local x = nil; return x.y end))
show(load(function() error({}) end))
show(load(function() error(setmetatable({}, { __tostring = function() return "object" end })) end))
show(load("x ="))
print(pcall(function() show(load(function() error("under pcall") end)) end))
print(xpcall(function() show(load(function() error("under xpcall") end)) end, function(m) return "handled " .. m end))
print(xpcall(function() show(load(function() error("handler") end)); return "ok" end, function(m) return "H:" .. m end))
local co = coroutine.create(function() show(load(function() error("in a coroutine") end)) end)
print(coroutine.resume(co))
-- the reader's frames are gone afterwards
print((debug.traceback("after"):gsub("0x%x+", "0x?")))
