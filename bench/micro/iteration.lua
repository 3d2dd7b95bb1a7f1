-- ipairs and pairs loops over an array, a 200-field record and a small mixed table (issue 11).
-- lua iteration.lua [N] [all|ipairs|pairs|small]
local N = tonumber(arg and arg[1]) or 200
local which = arg and arg[2] or "all"
local arr = {}
for i = 1, 1000 do arr[i] = i * 0.5 end
local rec = {}
for i = 1, 200 do rec["k" .. i] = i end
local mixed = { 1, 2, 3, 4, 5, 6, 7, 8, a = 1, b = 2, c = 3, d = 4 }
local s1, s2, s3 = 0, 0, 0
if which == "all" or which == "ipairs" then
  for _ = 1, N * 10 do
    for i, v in ipairs(arr) do s1 = s1 + v + i end
  end
end
if which == "all" or which == "pairs" then
  for _ = 1, N * 20 do
    for k, v in pairs(rec) do s2 = s2 + v end
  end
end
if which == "all" or which == "small" then
  for _ = 1, N * 100 do
    for k, v in pairs(mixed) do s3 = s3 + v end
    for i, v in ipairs(mixed) do s3 = s3 + v end
  end
end
print(s1, s2, s3)
