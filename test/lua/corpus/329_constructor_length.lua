-- `#` of tables made by constructors with holes: luajit's answer follows from the sizes its
-- parser and VM give the array and hash parts (a template of the constant entries, then
-- stores), and roverc reproduces it. Keys here are numbers and booleans only: where string
-- keys share the hash part with nil values, luajit's own answer varies from run to run.
local a, b, c = nil, 2, 3
local function none() end
local function holes() return nil, 2, nil end
local function pair() return 1, 2 end

print("constants", #{1, nil, 3}, #{1, nil, 3, nil}, #{1, nil, 3, 4, 5, nil, 7}, #{nil, nil, 3}, #{1, 2, nil})
print("variables", #{a, b, a}, #{b, a, b}, #{a, b}, #{b, a, a, b, a}, #{a, b, b, b, a}, #{b, nil}, #{a, b, nil})
print("mixed", #{1, nil, b}, #{b, nil, 3}, #{1, nil, c}, #{a, 2, nil, 4})
print("calls", #{holes()}, #{1, holes()}, #{a, holes()}, #{none()}, #{a, pair()}, #{(holes())}, #{b, (holes())})
print("keys", #{1, 2, [4] = 4}, #{[1] = 1, [2] = 2, [4] = 4}, #{[1] = 1, [3] = 3}, #{[2] = b}, #{[3] = b, b})
print("nil keys", #{[8] = nil, [2] = 3, a, [6] = nil}, #{[8] = nil, [2] = 3, [6] = nil}, #{[2] = 3, [6] = nil})
print("computed", #{[c] = 1, 1}, #{[b] = a, 1, [c] = 3}, #{[c + 1] = 4, b, c})
print("folded", #{nil or 1, 1 and nil, not nil}, #{false or b, a or nil, 3}, #{[true] = 1, 1 and nil, 2})

-- the contents are the same whatever `#` says
local t = {1, nil, 3}
local keys = {}
for k, v in pairs(t) do keys[#keys + 1] = k .. "=" .. v end
print("pairs", table.concat(keys, " "), t[1], t[2], t[3])
-- and # follows the table from there
t[2] = 2
print("filled", #t)
local u = {a, b, a, b}
u[1] = 1
print("after", #u, u[2], u[4])
print("insert", #{b, a, b}, select("#", unpack({b, a, b})))
local v = {a, b, a}
table.insert(v, 9)
print("insert2", #v, v[1], v[2], v[3])
