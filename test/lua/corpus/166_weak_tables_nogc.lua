-- weak tables behave like normal tables as long as no collection runs on live keys
local cache = setmetatable({}, {__mode = "k"})
local keys = {}
for i = 1, 5 do keys[i] = {id = i} cache[keys[i]] = i * i end
local sum = 0
for k, v in pairs(cache) do sum = sum + v end
print(sum)
collectgarbage()
local count = 0
for _ in pairs(cache) do count = count + 1 end
print("live keys kept", count)
local vals = setmetatable({}, {__mode = "v"})
vals.a = keys[1]
vals.b = "strings are not collectable values"
vals.c = 42
collectgarbage()
print(vals.a == keys[1], vals.b, vals.c)
print(getmetatable(cache).__mode, getmetatable(vals).__mode)
local kv = setmetatable({}, {__mode = "kv"})
kv[1] = "one"
kv.x = true
print(kv[1], kv.x)
