-- Binary trees: allocation of many small tables and recursive traversal.
local maxdepth = tonumber(arg and arg[1]) or 15
local function make(depth)
  if depth == 0 then return {} end
  depth = depth - 1
  return { make(depth), make(depth) }
end
local function check(tree)
  if tree[1] then return 1 + check(tree[1]) + check(tree[2]) end
  return 1
end
local mindepth = 4
if maxdepth < mindepth + 2 then maxdepth = mindepth + 2 end
local total = check(make(maxdepth + 1))
print("stretch", maxdepth + 1, total)
local longlived = make(maxdepth)
for depth = mindepth, maxdepth, 2 do
  local iters = math.floor(2 ^ (maxdepth - depth + mindepth)) -- an integer in Lua 5.4 too
  local sum = 0
  for _ = 1, iters do sum = sum + check(make(depth)) end
  print(iters, depth, sum)
  total = total + sum
end
total = total + check(longlived)
print("checksum", total)
