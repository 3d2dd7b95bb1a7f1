local t = {}
t[1] = "a" t[1.0] = "b" t["1"] = "c" t[1.5] = "d" t[-0.0] = "negzero" t[0] = "zero"
local keys = {}
for k, v in pairs(t) do keys[#keys + 1] = type(k) .. ":" .. tostring(k) .. "=" .. v end
table.sort(keys)
print(table.concat(keys, " "))
print(t[0], t[-0.0], t[1], t["1"])
local u = {}
u[2^53] = "big" u[2^53 + 1] = "big+1?"
print(u[2^53], u[9007199254740993])
local v = {}
for i = 1, 10 do v[i / 2] = i end
local vk = {}
for k in pairs(v) do vk[#vk + 1] = k end
table.sort(vk)
print(table.concat(vk, " "))
print(v[0.5], v[1], v[5], #v >= 0)
local w = {[1] = "x", [2] = "y", [3] = "z"}
w[2] = nil
w[2] = "back"
print(table.concat(w, ","))
local neg = {}
for i = -3, 3 do neg[i] = i * i end
local nk = {}
for k, val in pairs(neg) do nk[#nk + 1] = k .. "=" .. val end
table.sort(nk)
print(table.concat(nk, " "))
print(neg[-3], neg[0], neg[3])
local s = {}
s["01"] = "zero-one" s["1"] = "one" s[" 1"] = "space-one"
print(s["01"], s["1"], s[" 1"], s[1], s[tonumber("01")])
