local function levenshtein(a, b)
  local prev = {}
  for j = 0, #b do prev[j] = j end
  for i = 1, #a do
    local cur = {[0] = i}
    for j = 1, #b do
      local cost = a:byte(i) == b:byte(j) and 0 or 1
      cur[j] = math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
    end
    prev = cur
  end
  return prev[#b]
end
for _, p in ipairs({{"kitten", "sitting"}, {"", "abc"}, {"flaw", "lawn"}, {"same", "same"}, {"abc", ""}}) do
  print(p[1], p[2], levenshtein(p[1], p[2]))
end
local function lcs(a, b)
  local dp = {}
  for i = 0, #a do dp[i] = {} for j = 0, #b do dp[i][j] = 0 end end
  for i = 1, #a do for j = 1, #b do
    if a:sub(i, i) == b:sub(j, j) then dp[i][j] = dp[i - 1][j - 1] + 1
    else dp[i][j] = math.max(dp[i - 1][j], dp[i][j - 1]) end
  end end
  local out, i, j = {}, #a, #b
  while i > 0 and j > 0 do
    if a:sub(i, i) == b:sub(j, j) then table.insert(out, 1, a:sub(i, i)) i, j = i - 1, j - 1
    elseif dp[i - 1][j] >= dp[i][j - 1] then i = i - 1 else j = j - 1 end
  end
  return table.concat(out)
end
print(lcs("ABCBDAB", "BDCABA"), lcs("AGGTAB", "GXTXAYB"), lcs("", "x"))
local function rle(s)
  return (s:gsub("(.)%1*", function(c) return c end):len() > 0) and (function()
    local out = {}
    local i = 1
    while i <= #s do
      local c = s:sub(i, i)
      local j = i
      while s:sub(j + 1, j + 1) == c do j = j + 1 end
      out[#out + 1] = (j - i + 1) .. c
      i = j + 1
    end
    return table.concat(out)
  end)() or ""
end
local function unrle(s) return (s:gsub("(%d+)(%D)", function(n, c) return c:rep(tonumber(n)) end)) end
for _, s in ipairs({"aaabccdddd", "abc", "", "zzzzzzzzzzzz"}) do print(s, rle(s), unrle(rle(s)) == s) end
local function rot13(s)
  return (s:gsub("%a", function(c)
    local base = c:match("%l") and 97 or 65
    return string.char((c:byte() - base + 13) % 26 + base)
  end))
end
print(rot13("Hello, World!"), rot13(rot13("Round Trip")))
local function caesar(s, k) return (s:gsub("%l", function(c) return string.char((c:byte() - 97 + k) % 26 + 97) end)) end
print(caesar("attack at dawn", 3), caesar(caesar("attack at dawn", 3), -3))
local function is_palindrome(s) s = s:lower():gsub("[^%a]", "") return s == s:reverse() end
print(is_palindrome("A man, a plan, a canal: Panama"), is_palindrome("hello"), is_palindrome(""))
local function anagram_key(w) local t = {} for c in w:gmatch(".") do t[#t + 1] = c end table.sort(t) return table.concat(t) end
local groups = {}
for w in ("listen silent enlist google tinsel inlets gogole banana"):gmatch("%a+") do
  local k = anagram_key(w)
  groups[k] = groups[k] or {}
  table.insert(groups[k], w)
end
local keys = {}
for k in pairs(groups) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do print(k, table.concat(groups[k], ",")) end
