-- Text processing with string.gsub, gmatch, find and match over generated text.
local n = tonumber(arg and arg[1]) or 40000
local words = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta" }
local lines = {}
for i = 1, n do
  lines[i] = string.format("%s=%d; %s %s, id:%05d  tag<%s>", words[i % 8 + 1], i * 7 % 1000,
    words[(i * 3) % 8 + 1], words[(i * 5) % 8 + 1], i, words[(i * 7) % 8 + 1]:upper())
end
local text = table.concat(lines, "\n")
local count, sum, caps = 0, 0, 0
for word in text:gmatch("%a+") do count = count + #word end
for key, value in text:gmatch("(%a+)=(%d+)") do sum = sum + tonumber(value) + #key end
for tag in text:gmatch("<(%u+)>") do caps = caps + #tag end
local replaced, nrep = text:gsub("(%a+)%s(%a+)", "%2 %1")
local upper = text:gsub("%l+", function(w) return #w > 4 and w:upper() or nil end)
local ids = 0
for _, line in ipairs(lines) do
  local id = line:match("id:(%d+)")
  if line:find("gamma", 1, true) then ids = ids + tonumber(id) end
end
local trimmed = ("   " .. lines[1] .. "   "):match("^%s*(.-)%s*$")
print(trimmed)
print("checksum", count, sum, caps, nrep, #replaced, #upper, ids)
