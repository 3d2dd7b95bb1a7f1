local function copy(t) local r = {} for i, v in ipairs(t) do r[i] = v end return r end
local function quicksort(t, lo, hi)
  lo, hi = lo or 1, hi or #t
  if lo >= hi then return t end
  local p = t[math.floor((lo + hi) / 2)]
  local i, j = lo, hi
  while i <= j do
    while t[i] < p do i = i + 1 end
    while t[j] > p do j = j - 1 end
    if i <= j then t[i], t[j] = t[j], t[i] i, j = i + 1, j - 1 end
  end
  quicksort(t, lo, j)
  quicksort(t, i, hi)
  return t
end
local function mergesort(t)
  if #t <= 1 then return t end
  local mid = math.floor(#t / 2)
  local l, r = {}, {}
  for i = 1, mid do l[#l + 1] = t[i] end
  for i = mid + 1, #t do r[#r + 1] = t[i] end
  l, r = mergesort(l), mergesort(r)
  local out, i, j = {}, 1, 1
  while i <= #l and j <= #r do
    if l[i] <= r[j] then out[#out + 1] = l[i] i = i + 1 else out[#out + 1] = r[j] j = j + 1 end
  end
  for k = i, #l do out[#out + 1] = l[k] end
  for k = j, #r do out[#out + 1] = r[k] end
  return out
end
local function insertion(t)
  for i = 2, #t do
    local v, j = t[i], i - 1
    while j >= 1 and t[j] > v do t[j + 1] = t[j] j = j - 1 end
    t[j + 1] = v
  end
  return t
end
local function bubble(t)
  local n, swaps = #t, 0
  repeat
    local swapped = false
    for i = 2, n do if t[i - 1] > t[i] then t[i - 1], t[i] = t[i], t[i - 1] swapped = true swaps = swaps + 1 end end
    n = n - 1
  until not swapped
  return t, swaps
end
local data = {}
local seed = 12345
for i = 1, 60 do seed = (seed * 1103515245 + 12345) % 2147483648 data[i] = seed % 1000 end
print(table.concat(data, " ", 1, 15))
local ref = copy(data)
table.sort(ref)
local function same(a, b) for i = 1, #a do if a[i] ~= b[i] then return false end end return #a == #b end
print(same(quicksort(copy(data)), ref), same(mergesort(copy(data)), ref), same(insertion(copy(data)), ref))
local b, swaps = bubble(copy(data))
print(same(b, ref), swaps)
print(table.concat(ref, " ", 1, 15))
local function bsearch(t, v)
  local lo, hi = 1, #t
  while lo <= hi do
    local mid = math.floor((lo + hi) / 2)
    if t[mid] == v then return mid elseif t[mid] < v then lo = mid + 1 else hi = mid - 1 end
  end
  return nil, lo
end
print(bsearch({1, 3, 5, 7, 9, 11}, 7), bsearch({1, 3, 5, 7, 9, 11}, 8), bsearch({}, 1))
print(table.concat(mergesort({"delta", "alpha", "charlie", "bravo"}), " "))
