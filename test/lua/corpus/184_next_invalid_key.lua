-- next with a key that is not in the table raises "invalid key to 'next'" (also on _G);
-- keys cleared during a traversal stay valid.
local function try(label, t, k)
  local ok, a, b = pcall(next, t, k)
  print(label, ok, ok and type(a) or a, ok and (b ~= nil) or '')
end
try('empty, 1', {}, 1)
try('empty, "x"', {}, 'x')
try('empty, true', {}, true)
try('empty, 0.5', {}, 0.5)
try('empty, nan', {}, 0 / 0)
try('empty, table', {}, {})
try('hash, missing', {a = 1}, 'b')
try('hash, false', {a = 1}, false)
try('array, past', {1, 2, 3}, 100)
try('array, -1', {1, 2, 3}, -1)
try('array, 2.5', {1, 2, 3}, 2.5)
try('array, "1"', {1, 2, 3}, '1')
try('array, last', {1, 2, 3}, 3)
try('array, middle', {1, 2, 3}, 2)
try('mixed, missing', {1, x = 2}, 'y')
try('_G, missing', _G, 'surely_not_a_global_name')
try('_G, nil', _G, nil)
print(pcall(next, _G, {}))
try('string lib, missing', string, 'nope')
print(pcall(next))
print(pcall(next, 'x'))
print(pcall(next, nil, 1))
-- the error comes from next itself (a C function): never positioned
print(pcall(function() for k in next, {a = 1}, 'zz' do end end))
print(pcall(function() local k = next({}, 'zz') return k end))
print(pcall(function() local t = {} t[1] = next(_G, 'zz') end))
-- clearing fields during traversal is allowed (hash and array parts)
local t = {10, 20, 30, a = 1, b = 2, c = 3}
local seen = 0
for k in pairs(t) do
  t[k] = nil
  seen = seen + 1
end
print('cleared', seen, next(t))
local arr = {1, 2, 3, 4, 5}
local visited = {}
for k, v in pairs(arr) do
  visited[#visited + 1] = k .. '=' .. v
  arr[k] = nil
end
print(table.concat(visited, ' '), next(arr))
-- assigning existing fields during traversal is allowed too
local u = {x = 1, y = 2, z = 3}
for k, v in pairs(u) do u[k] = v * 10 end
print(u.x, u.y, u.z)
-- a key removed before the call (not during a traversal of that key) is still known to
-- luajit's hash part: only absent keys fail
local w = {p = 1}
w.p = nil
print(pcall(next, w, 'p'))
-- _G traversal sees globals set by the program
only_global_here = true
local found = false
for k, v in pairs(_G) do if k == 'only_global_here' then found = v end end
print('found', found)
