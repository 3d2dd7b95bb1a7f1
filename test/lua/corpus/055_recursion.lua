local function fact(n) if n == 0 then return 1 end return n * fact(n - 1) end
for i = 0, 10 do io.write(fact(i), " ") end print()
print(fact(25), fact(170), fact(171))
local function hanoi(n, from, to, via, moves)
  if n == 0 then return moves end
  hanoi(n - 1, from, via, to, moves)
  moves[#moves + 1] = from .. to
  hanoi(n - 1, via, to, from, moves)
  return moves
end
local m = hanoi(4, "A", "C", "B", {})
print(#m, table.concat(m, " "))
local function ackermann(mm, n)
  if mm == 0 then return n + 1 end
  if n == 0 then return ackermann(mm - 1, 1) end
  return ackermann(mm - 1, ackermann(mm, n - 1))
end
print(ackermann(2, 3), ackermann(3, 3))
-- mutual recursion with forward-declared locals
local isEven, isOdd
function isEven(n) if n == 0 then return true end return isOdd(n - 1) end
function isOdd(n) if n == 0 then return false end return isEven(n - 1) end
print(isEven(10), isOdd(7), isEven(7), isOdd(0))
-- deep tail recursion does not overflow
local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + n) end
print(loop(100000, 0))
-- recursion over nested tables
local function depth(t)
  if type(t) ~= "table" then return 0 end
  local best = 0
  for _, v in ipairs(t) do local d = depth(v) if d > best then best = d end end
  return best + 1
end
print(depth({1, {2, {3, {4}}}, {5}}), depth({}), depth(5))
local function flatten(t, out)
  out = out or {}
  for _, v in ipairs(t) do
    if type(v) == "table" then flatten(v, out) else out[#out + 1] = v end
  end
  return out
end
print(table.concat(flatten({1, {2, {3, 4}}, {{5}}, 6}), ","))
-- permutations
local function permute(arr, n, out)
  n = n or #arr
  out = out or {}
  if n == 1 then out[#out + 1] = table.concat(arr) return out end
  for i = 1, n do
    arr[i], arr[n] = arr[n], arr[i]
    permute(arr, n - 1, out)
    arr[i], arr[n] = arr[n], arr[i]
  end
  return out
end
local perms = permute({"a", "b", "c"})
print(#perms, table.concat(perms, " "))
-- global recursive function
function gcd(a, b) if b == 0 then return a end return gcd(b, a % b) end
print(gcd(48, 18), gcd(17, 5), gcd(0, 9))
