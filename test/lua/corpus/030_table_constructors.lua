local t = {1, 2, 3, x = "x", ["y z"] = "yz", [10] = "ten", 4; 5,}
print(#t, t[1], t[4], t[5], t.x, t["y z"], t[10])
local u = {[1] = "a", [2] = "b", "c"}
print(u[1], u[2], #u)
local v = {"a", "b", [2] = "B", [3] = "C"}
print(v[1], v[2], v[3])
local nested = {a = {b = {c = {d = "deep"}}}, {1, {2, {3}}}}
print(nested.a.b.c.d, nested[1][2][2][1], #nested[1])
local e = {}
print(#e, next(e))
local trailing = {1, 2, 3,}
local trailing2 = {a = 1, b = 2;}
print(#trailing, trailing2.a + trailing2.b)
local exprs = {1 + 1, "a" .. "b", (function() return 7 end)(), [1 + 1] = "ignored?"}
print(exprs[1], exprs[2], exprs[3])
local function three() return 1, 2, 3 end
local m1 = {three()}
local m2 = {three(), three()}
local m3 = {three(), 10}
local m4 = {(three())}
local m5 = {three(), x = 1}
print(#m1, #m2, #m3, #m4, #m5)
print(table.concat(m2, ","), table.concat(m3, ","))
local holes = {1, 2, nil, 4}
print(#holes, holes[4])
local holes2 = {nil, nil, 3}
print(#holes2)
local holes3 = {1, nil}
print(#holes3)
local nilend = {n = 1, nil}
print(#nilend)
local keys = {["1"] = "string one", [1] = "number one", [1.5] = "float"}
print(keys["1"], keys[1], keys[1.5], keys[3/2])
local bools = {[true] = "T", [false] = "F"}
print(bools[true], bools[false], bools[1 == 1])
local f = function() end
local ft = {[f] = "func key"}
print(ft[f])
local self_ref = {}
self_ref.me = self_ref
print(self_ref.me.me.me == self_ref)
local big = {}
for i = 1, 100 do big[i] = i * i end
print(#big, big[50], big[100])
local s = {"x", "y", "z"}
s[#s + 1] = "w"
print(#s, s[4])
print(({10, 20, 30})[2], ({n = 5}).n, #{1, 2, 3, 4, 5})
