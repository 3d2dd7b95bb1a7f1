local function count(...) return select('#', ...) end
local t = {}
for i = 1, 250 do t[i] = i end
print(count(unpack(t)))
local big = {}
for i = 1, 5000 do big[i] = i end
print(count(unpack(big)))
local function sum(...)
  local s = 0
  local args = {...}
  for i = 1, #args do s = s + args[i] end
  return s
end
print(sum(unpack(big)))
print(math.max(unpack(big)), math.min(unpack(big)))
print(select(4999, unpack(big)))
print(#{unpack(big)}, #{unpack(big, 4000)})
print(string.char(unpack({72, 105, 33})))
local s = string.rep("a", 300)
print(count(s:byte(1, -1)))
print(count(("x"):byte(1, 0)))
local function rec_pack(n, ...) if n == 0 then return select('#', ...) end return rec_pack(n - 1, n, ...) end
print(rec_pack(100))
