local function sieve(n)
  local is = {}
  for i = 2, n do is[i] = true end
  for i = 2, math.floor(math.sqrt(n)) do
    if is[i] then for j = i * i, n, i do is[j] = false end end
  end
  local primes = {}
  for i = 2, n do if is[i] then primes[#primes + 1] = i end end
  return primes
end
local p = sieve(100)
print(#p, table.concat(p, " "))
local big = sieve(100000)
print(#big, big[#big], big[1000])
local sum = 0
for _, v in ipairs(big) do sum = sum + v end
print(sum)
local function is_prime(n)
  if n < 2 then return false end
  if n % 2 == 0 then return n == 2 end
  for d = 3, math.floor(math.sqrt(n)), 2 do if n % d == 0 then return false end end
  return true
end
local agree = true
for i = 1, 2000 do
  local inSieve = false
  for _, q in ipairs(p) do if q == i then inSieve = true end end
  if i <= 100 and inSieve ~= is_prime(i) then agree = false end
end
print("agree", agree)
local twins = {}
for i = 2, #p do if p[i] - p[i - 1] == 2 then twins[#twins + 1] = p[i - 1] .. "/" .. p[i] end end
print(table.concat(twins, " "))
local function factor(n)
  local fs = {}
  local d = 2
  while d * d <= n do
    while n % d == 0 do fs[#fs + 1] = d n = n / d end
    d = d + 1
  end
  if n > 1 then fs[#fs + 1] = n end
  return table.concat(fs, "*")
end
for _, n in ipairs({12, 97, 360, 1001, 65536, 999999, 2^31 - 1}) do print(n, factor(n)) end
