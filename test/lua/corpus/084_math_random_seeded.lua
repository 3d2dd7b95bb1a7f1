-- random numbers after a fixed seed (file name contains _random_ on purpose)
math.randomseed(42)
local a = {}
for i = 1, 5 do a[i] = math.random(1, 100) end
print(table.concat(a, " "))
for i = 1, 3 do print(string.format("%.12f", math.random())) end
for i = 1, 5 do io.write(math.random(10), " ") end print()
math.randomseed(42)
local b = {}
for i = 1, 5 do b[i] = math.random(1, 100) end
print(table.concat(b, " "), table.concat(a, " ") == table.concat(b, " "))
math.randomseed(7)
local within = true
for _ = 1, 1000 do
  local r = math.random(3, 7)
  if r < 3 or r > 7 or r ~= math.floor(r) then within = false end
end
print("range ok", within)
local f = math.random()
print(f >= 0 and f < 1)
print(pcall(math.random, 1, 2, 3))
print(pcall(math.random, 0))
