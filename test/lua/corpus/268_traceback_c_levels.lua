-- Library functions that call back into Lua are levels of their own in tracebacks, named
-- after the call that reached them ("[C]: in function 'sort'"); the functions they call
-- are named by nobody ("in function <file:line>"). luajit writes an unnamed C function as
-- its address: stripped here, it differs between runs.
local function tb(msg)
  print((debug.traceback(msg):gsub("%[C%]: at 0x%x+", "[C]: at ?")))
end

string.gsub("b", "b", function(c) tb("gsub with a function") return c end)
local s = ("abc"):gsub("b", setmetatable({}, { __index = function() tb("gsub with a table") return "x" end }))
local g = string.gsub
g("b", "b", function(c) tb("gsub through a local") return c end)

table.sort({ 2, 1 }, function(a, b) tb("sort's comparator") return a < b end)
local mt = { __lt = function(a, b) tb("sort's __lt") return a.v < b.v end }
table.sort({ setmetatable({ v = 2 }, mt), setmetatable({ v = 1 }, mt) })

local obj = setmetatable({}, { __tostring = function() tb("__tostring from print") return "T" end })
print(obj)
local formatted = string.format("%s", setmetatable({}, { __tostring = function() tb("__tostring from format") return "F" end }))
local viaTostring = tostring(setmetatable({}, { __tostring = function() tb("__tostring from tostring") return "S" end }))

local p = pcall
p(function() tb("pcall through a local") end)
local lib = { call = pcall }
lib.call(function() tb("pcall through a field") end)
xpcall(function() tb("xpcall") end, print)

-- a handler sees the library function that raised the error
xpcall(function() error("raised") end, function(m) tb("handler of error(): " .. m) return m end)
xpcall(function() local r = string.rep() return r end, function(m) tb("handler of a bad argument") return m end)
-- debug.traceback as the handler itself, the usual way
print(select(2, xpcall(function() local x = nil; return x.y end, debug.traceback)):gsub("%[C%]: at 0x%x+", "[C]: at ?"))
print(select(2, xpcall(function() error("e") end, debug.traceback)):gsub("%[C%]: at 0x%x+", "[C]: at ?"))

-- a reader that fails leaves no level behind
local f, e = load(function() error("reader failed") end)
print(f, (e:gsub("\n.*", "")))
tb("after load")

if table.foreachi then
  table.foreachi({ 1 }, function() tb("foreachi") end)
  table.foreach({ a = 1 }, function() tb("foreach") end)
end
print(select("#", string.gsub("aaa", "a", function() return nil end)))
print(table.concat({ "sorted:", table.concat((function() local t = { 3, 1, 2 }; table.sort(t, function(a, b) return a > b end); return t end)(), ",") }, " "))
