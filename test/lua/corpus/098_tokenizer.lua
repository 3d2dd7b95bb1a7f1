-- tokenizer for a small expression language
local keywords = {["if"] = true, ["then"] = true, ["else"] = true, ["end"] = true, ["let"] = true, ["fn"] = true}
local function tokenize(src)
  local tokens = {}
  local pos = 1
  local line = 1
  while pos <= #src do
    local c = src:sub(pos, pos)
    if c == "\n" then line = line + 1 pos = pos + 1
    elseif c:match("%s") then pos = pos + 1
    elseif src:sub(pos, pos + 1) == "--" then
      local e = src:find("\n", pos) or #src + 1
      pos = e
    elseif c:match("[%a_]") then
      local word = src:match("^[%w_]+", pos)
      tokens[#tokens + 1] = {type = keywords[word] and "keyword" or "ident", value = word, line = line}
      pos = pos + #word
    elseif c:match("%d") then
      local num = src:match("^%d+%.?%d*", pos)
      tokens[#tokens + 1] = {type = "number", value = tonumber(num), line = line}
      pos = pos + #num
    elseif c == '"' then
      local close = src:find('"', pos + 1, true)
      if not close then error("unterminated string on line " .. line, 0) end
      tokens[#tokens + 1] = {type = "string", value = src:sub(pos + 1, close - 1), line = line}
      pos = close + 1
    else
      local op = src:match("^[=<>!]=", pos) or src:match("^[-+*/%%(){},;=<>]", pos)
      if not op then error(string.format("unexpected '%s' on line %d", c, line), 0) end
      tokens[#tokens + 1] = {type = "op", value = op, line = line}
      pos = pos + #op
    end
  end
  return tokens
end
local src = [[
let x = 10 -- a comment
let name = "world"
if x >= 10 then
  print(x * 2.5, name)
else
  fn(a, b) { a != b }
end
]]
local toks = tokenize(src)
print(#toks)
for i, t in ipairs(toks) do
  io.write(string.format("%d:%s:%s ", t.line, t.type, tostring(t.value)))
  if i % 6 == 0 then io.write("\n") end
end
print()
local counts = {}
for _, t in ipairs(toks) do counts[t.type] = (counts[t.type] or 0) + 1 end
local types = {}
for k in pairs(counts) do types[#types + 1] = k end
table.sort(types)
for _, k in ipairs(types) do io.write(k, "=", counts[k], " ") end print()
print(pcall(tokenize, 'let s = "open'))
print(pcall(tokenize, "let a = 1\nlet b = @"))
