local f = loadstring("return 1 + 2")
print(type(f), f())
print(loadstring("return ...")(4, 5, 6))
local g = loadstring("local a, b = ... return a * b")
print(g(6, 7))
print(loadstring("x_from_chunk = 10")(), x_from_chunk)
x_from_chunk = nil
local bad, msg = loadstring("return +")
print(bad, type(msg))
local bad2, msg2 = loadstring("if then")
print(bad2 == nil, msg2 ~= nil)
local bad3 = loadstring("x = = 1")
print(bad3)
print(loadstring("") ~= nil, loadstring("")())
print(select('#', loadstring("return")()))
print(loadstring("return nil, nil")())
local h = loadstring("return function(x) return x * 2 end")()
print(h(21))
-- chunks share globals
shared_global = "visible"
print(loadstring("return shared_global")())
shared_global = nil
-- load with a reader function
local parts = {"return ", "'from ", "reader'"}
local i = 0
local loaded = load(function() i = i + 1 return parts[i] end)
print(loaded())
-- load with a string (luajit allows strings)
print(load("return 'load string'")())
-- load returning nil + message for syntax errors
local fn, err = load("return (")
print(fn, err ~= nil)
-- chunk names
local cn = loadstring("error('named')", "=mychunk")
print(pcall(cn))
local cn2 = loadstring("error('named2')", "@file.lua")
print(pcall(cn2))
local cn3 = loadstring("error('default')")
print(pcall(cn3))
local cn4 = loadstring("\n\nerror('line3')")
print(pcall(cn4))
-- runtime errors inside loaded chunks
print(pcall(loadstring("local t = nil return t.x")))
-- loaded chunk varargs count
print(loadstring("return select('#', ...)")(nil, nil, nil))
-- loading a long chunk
local code = {}
for k = 1, 100 do code[#code + 1] = "local v" .. k .. " = " .. k end
code[#code + 1] = "return v1 + v100"
print(loadstring(table.concat(code, "\n"))())
-- syntax error message shape
local _, m = loadstring("x = ", "=chunk")
print(m)
local _, m2 = loadstring("for i = 1 do end", "=c2")
print(m2)
local _, m3 = loadstring("local 1 = 2", "=c3")
print(m3)
local _, m4 = loadstring("x = 'unterminated", "=c4")
print(m4)
local _, m5 = loadstring("return 1 +* 2", "=c5")
print(m5)
