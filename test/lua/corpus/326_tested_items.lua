-- Items tested by a condition (`if t[k] then`, `while t[i] do`, `until t[i]`): compiled code
-- answers a missing item itself when the table has no other keys and no metatable. Every
-- other case must still reach __index, the hash part and the errors.

local function present(t, k) if t[k] then return "yes" else return "no" end end

-- holes, the end of the array part, empty tables, zero and negative keys
local arr = { 1, 2, nil, 4 }
print(present(arr, 1), present(arr, 3), present(arr, 4), present(arr, 5), present(arr, 0), present(arr, -1))
print(present({}, 1), present({ false }, 1), present({ nil, true }, 2))

-- integer keys in the hash part, beyond the array part
local sparse = { 10, 20 }
sparse[100] = "far"
sparse[2.5] = "half"
print(present(sparse, 3), present(sparse, 100), present(sparse, 2.5), present(sparse, 99))
sparse[100] = nil
print(present(sparse, 100), present(sparse, 2))

-- a metatable answers missing items
local defaults = setmetatable({ 1 }, { __index = function(_, k) return k == 3 end })
print(present(defaults, 1), present(defaults, 2), present(defaults, 3))
local chained = setmetatable({}, { __index = { "inherited" } })
print(present(chained, 1), present(chained, 2))
setmetatable(chained, nil)
print(present(chained, 1))

-- string keys only (and a big table of them): integer keys are still missing
local named = { a = 1, b = 2 }
print(present(named, 1))
local big = {}
for i = 1, 1500 do big["k" .. i] = i end
print(present(big, 1))
big[1] = "one"
print(present(big, 1), present(big, 2))

-- the same site sees many kinds of tables
local kinds = { arr, sparse, defaults, chained, named, big, {}, { 1, 2, 3 } }
local out = {}
for round = 1, 3 do
  for i = 1, #kinds do out[#out + 1] = present(kinds[i], round) end
end
print(table.concat(out, " "))

-- while and repeat over a sequence with a hole, and a tree walk
local seq = { "a", "b", "c", nil, "e" }
local i, n = 1, 0
while seq[i] do n = n + 1; i = i + 1 end
print("while", n)
local j = 0
repeat j = j + 1 until not seq[j + 1] or j > 10
print("repeat", j)
local function make(d) if d == 0 then return {} end return { make(d - 1), make(d - 1) } end
local function count(t) if t[1] then return 1 + count(t[1]) + count(t[2]) end return 1 end
print("tree", count(make(10)))

-- errors: indexing a tested non-table
print(pcall(present, nil, 1))
print(pcall(present, 5, 1))
print(pcall(present, "abc", 1))
print(pcall(function() local x = true; if x[1] then return 1 end end))
