-- debug as test frameworks use it: metatables for every type, getinfo in metamethods,
-- locals/upvalues (in code loaded with loadstring: the interpreter runs it in every mode),
-- and thread environments.

-- debug.setmetatable on numbers, booleans, nil and functions
print(debug.setmetatable(5, {
  __call = function(n, x) return n + x end,
  __len = function(n) return n * 2 end,
  __index = function(n, k) return k .. n end,
  __concat = function(a, b) return 'cat' end,
  __unm = function(n) return 'neg' end,
}))
print((5)(3), #7, (7).foo, (1.5).bar, getmetatable(5) == getmetatable(2))
print(pcall(function() local n = 10 return n(1), #n end))
print(('x'):rep(2), 1 .. 2)
debug.setmetatable(1, {__tostring = function(n) return 'N' .. string.format('%d', n) end})
print(tostring(42), tostring(-1))
print(1, 2.5)
print(('%s'):format(7))
debug.setmetatable(0, nil)
print(getmetatable(1), 3, tostring(3))
debug.setmetatable(nil, {__index = function(_, k) return 'nil.' .. k end, __add = function(a, b) return 'added' end, __len = function() return 0 end})
local z
print(z.x, z + 1, 1 + z, #z, getmetatable(nil) ~= nil)
debug.setmetatable(nil, nil)
print(pcall(function() return z.x end))
debug.setmetatable(true, {__len = function(b) return b and 1 or 0 end, __index = {flag = 'yes'}, __call = function(b, ...) return select('#', ...) end})
print(#true, #false, (true).flag, (false)(1, 2, 3))
debug.setmetatable(true, nil)
debug.setmetatable(print, {__index = {kind = 'fn'}, __concat = function(a, b) return 'fcat' end})
print(print.kind, (function() end).kind, print .. 'x')
debug.setmetatable(print, nil)
print(pcall(function() return print.kind end))
print(pcall(debug.setmetatable, 5, 5))
print(pcall(debug.setmetatable, 5))
print(select('#', debug.setmetatable(1, nil)), debug.getmetatable(1))
local mt = {__metatable = 'locked'}
local locked = setmetatable({}, mt)
print(getmetatable(locked), debug.getmetatable(locked) == mt, debug.setmetatable(locked, nil), getmetatable(locked))

-- debug.getinfo inside metamethods
local function who() local i = debug.getinfo(2, 'n') return tostring(i.name) .. '/' .. tostring(i.namewhat) end
local log = {}
local meta = {}
for _, e in ipairs({'__index', '__newindex', '__add', '__sub', '__mul', '__div', '__mod', '__pow', '__unm', '__concat', '__eq', '__lt', '__le'}) do
  meta[e] = function() log[#log + 1] = e .. '=' .. who() return true end
end
local a, b = setmetatable({}, meta), setmetatable({}, meta)
local _ = a.x
a.y = 1
_ = a + 1; _ = a - 1; _ = a * 1; _ = a / 1; _ = a % 1; _ = a ^ 1; _ = -a; _ = a .. 'x'
_ = a == b; _ = a < b; _ = a <= b
for _, l in ipairs(log) do print(l) end
local bad = setmetatable({}, {__index = string.rep, __add = math.floor})
print(pcall(function() return bad.x end))
print(pcall(function() return bad + 1 end))
local tb = setmetatable({}, {__index = function(t, k) return debug.traceback('tb', 1) end})
print((tb.x:gsub('\n[^\n]*$', '')))

-- locals and upvalues of interpreted code
local chunk = assert(loadstring([[
local show = ...
local function f(a, b, ...)
  local c = a + b
  do
    local d = 4
    show(debug.getlocal(1, 4))
  end
  show(debug.getlocal(1, 1))
  show(debug.getlocal(1, 2))
  show(debug.getlocal(1, 3))
  show(debug.getlocal(1, -1))
  show(debug.getlocal(1, -2))
  show(debug.getlocal(1, -3))
  show(debug.getlocal(1, 0))
  show(debug.setlocal(1, 3, 99))
  show(c)
  show(debug.setlocal(1, -1, 'v'))
  show(...)
  show(debug.setlocal(1, 20, 1))
  show(pcall(debug.getlocal, 50, 1))
  show(pcall(debug.getlocal, 1))
  show(pcall(debug.getlocal))
  show(pcall(debug.setlocal, 1, 1))
  show((debug.getlocal(2, 1)))
end
f(1, 2, 'x', 'y')
show(debug.getlocal(f, 1))
show(debug.getlocal(f, 2))
show(debug.getlocal(f, 3))
show(debug.getlocal(print, 1))
show(pcall(debug.getlocal, f))
local names = {}
local function params(p1, p2, p3) end
for i = 1, 10 do
  local n = debug.getlocal(params, i)
  if not n then break end
  names[#names + 1] = n
end
show(table.concat(names, ','))
local x, y = 1, 2
local function g() return x + y end
local function h() y = y + 1 return y end
show(debug.getupvalue(g, 1))
show(debug.getupvalue(g, 2))
show(debug.getupvalue(g, 3))
show(debug.getupvalue(g, 0))
show(debug.setupvalue(g, 1, 10))
show(x, g())
show(debug.setupvalue(g, 5, 10))
show(pcall(debug.getupvalue, 1, 1))
show(pcall(debug.getupvalue, g))
show(pcall(debug.setupvalue, g, 1))
show(debug.upvalueid(g, 2) == debug.upvalueid(h, 1), debug.upvalueid(g, 1) == debug.upvalueid(h, 1))
show(pcall(debug.upvalueid, g, 3))
local k1 = 'k1'
local k2 = 'k2'
local function j1() return k1 end
local function j2() return k2 end
debug.upvaluejoin(j1, 1, j2, 1)
show(j1(), j2())
k2 = 'changed'
show(j1(), k1)
local co = coroutine.create(function(p)
  local q = p * 2
  coroutine.yield()
end)
coroutine.resume(co, 21)
show(debug.getlocal(co, 1, 1))
show(pcall(debug.getlocal, co, 5, 1))
]], '=locals'))
chunk(function(...) print(select('#', ...), ...) end)

-- environments of threads
local co = coroutine.create(function() return getfenv(0) end)
local env = {}
print(debug.getfenv(co) == _G, debug.setfenv(co, env) == co, debug.getfenv(co) == env)
print(pcall(debug.setfenv, co, 1))
print(pcall(debug.setfenv, 1, {}))
print(debug.getfenv(1), debug.getfenv('s'), debug.getfenv(print) == _G)
local function lf() end
local fenv = {}
print(debug.setfenv(lf, fenv) == lf, debug.getfenv(lf) == fenv, getfenv(lf) == fenv)
print(getfenv(0) == _G, debug.getfenv(coroutine.create(print)) == _G)
