-- Item reads t[i] (i a number) that the array part does not answer: holes, past the end,
-- keys in the hash part, metatables set and removed, keys that are no array index.
local function show(label, t, from, to)
  local parts = {}
  for i = from, to do parts[#parts + 1] = tostring(t[i]) end
  print(label, table.concat(parts, " "))
end

local leaf, pair = {}, { {}, {} }
local n = 0
local function count(node)
  if node[1] then return 1 + count(node[1]) + count(node[2]) end
  return 1
end
print("tree", count(pair), count(leaf), count({ pair, { leaf, {} } }))

local holes = { 1, nil, 3, nil, 5 }
show("holes", holes, 0, 7)
holes[2] = nil; holes[5] = nil
show("shrunk", holes, 1, 6)

local hashed = { 10, 20 }
hashed[5] = 50; hashed[-1] = "neg"; hashed[0] = "zero"; hashed[2.5] = "half"
show("hashed", hashed, -1, 6)
for _, k in ipairs({ 2.5, -0.0, 0 / 0 }) do
  local k2 = k
  print("key", k2 == k2 and k2 or "nan", hashed[k2])
end
hashed[5] = nil
show("hashed after", hashed, 1, 6)

local calls = 0
local mt = { __index = function(t, k) calls = calls + 1; return "idx" .. tostring(k) end }
local withmeta = setmetatable({ "a", nil, "c" }, mt)
show("meta", withmeta, 1, 5)
print("calls", calls)
setmetatable(withmeta, nil)
show("meta removed", withmeta, 1, 5)
setmetatable(withmeta, { __index = { "x", "y", "z", "w", "v" } })
show("meta table", withmeta, 1, 5)

local grows = {}
for i = 1, 6 do
  if grows[i] == nil then grows[i] = i * i end
  n = n + (grows[i + 1] or 0) + grows[i]
end
print("grows", n, #grows, grows[7])

local strings = { "one", "two" }
strings["3"] = "three (a string key)"
show("string key", strings, 1, 3)
print("named", strings["3"])

local ok, err = pcall(function() local t = nil; local i = 1; return t[i] end)
print("nil base", ok, err)
local s = "text"
local i = 2
print("string item", s[i])
