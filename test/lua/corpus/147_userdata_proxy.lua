-- newproxy creates userdata with metatables; userdata honour __len in luajit 2.1
local u = newproxy(true)
local mt = getmetatable(u)
mt.__len = function() return 7 end
mt.__index = function(_, k) return "field " .. tostring(k) end
mt.__tostring = function() return "my userdata" end
mt.__call = function(_, a) return "called " .. tostring(a) end
mt.__add = function(a, b) return "added" end
mt.__concat = function(a, b) return "concatenated" end
mt.__eq = function() return true end
print(type(u), #u, u.name, u[1], tostring(u), u(5), u + 1, u .. "x", "x" .. u)
local v = newproxy(u)
print(type(v), #v, getmetatable(v) == mt, tostring(v))
print(u == v, rawequal(u, v))
local plain = newproxy()
print(type(plain), getmetatable(plain))
print(pcall(function() return plain.x end))
print(pcall(function() return #plain end))
print(pcall(newproxy, 5))
local t = {}
t[u] = "userdata key"
print(t[u], t[v])
