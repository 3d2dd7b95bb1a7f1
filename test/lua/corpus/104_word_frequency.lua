local text = [[
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was
the spring of hope, it was the winter of despair.
]]
local freq = {}
local total = 0
for word in text:lower():gmatch("%a+") do
  freq[word] = (freq[word] or 0) + 1
  total = total + 1
end
local words = {}
for w, c in pairs(freq) do words[#words + 1] = {word = w, count = c} end
table.sort(words, function(a, b)
  if a.count ~= b.count then return a.count > b.count end
  return a.word < b.word
end)
print("total", total, "unique", #words)
for i, e in ipairs(words) do
  print(string.format("%2d %-12s %3d %5.1f%%", i, e.word, e.count, 100 * e.count / total))
end
local lengths = {}
for w in pairs(freq) do local l = #w lengths[l] = (lengths[l] or 0) + 1 end
local ls = {}
for l in pairs(lengths) do ls[#ls + 1] = l end
table.sort(ls)
for _, l in ipairs(ls) do io.write(l, ":", lengths[l], " ") end print()
local letters = {}
for ch in text:lower():gmatch("%a") do letters[ch] = (letters[ch] or 0) + 1 end
local top = {}
for ch, n in pairs(letters) do top[#top + 1] = ch end
table.sort(top, function(a, b) if letters[a] ~= letters[b] then return letters[a] > letters[b] end return a < b end)
for i = 1, 5 do io.write(top[i], "=", letters[top[i]], " ") end print()
