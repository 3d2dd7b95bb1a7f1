local PQ = {}
PQ.__index = PQ
function PQ.new(cmp) return setmetatable({items = {}, size = 0, cmp = cmp or function(a, b) return a < b end}, PQ) end
function PQ:push(v)
  self.size = self.size + 1
  local items, i = self.items, self.size
  items[i] = v
  while i > 1 do
    local p = math.floor(i / 2)
    if self.cmp(items[i], items[p]) then items[i], items[p] = items[p], items[i] i = p else break end
  end
end
function PQ:pop()
  if self.size == 0 then return nil end
  local items = self.items
  local top = items[1]
  items[1] = items[self.size]
  items[self.size] = nil
  self.size = self.size - 1
  local i = 1
  while true do
    local l, r, best = 2 * i, 2 * i + 1, i
    if l <= self.size and self.cmp(items[l], items[best]) then best = l end
    if r <= self.size and self.cmp(items[r], items[best]) then best = r end
    if best == i then break end
    items[i], items[best] = items[best], items[i]
    i = best
  end
  return top
end
function PQ:peek() return self.items[1] end
local pq = PQ.new()
for _, v in ipairs({5, 3, 8, 1, 9, 2, 7, 4, 6, 0, 3, 8}) do pq:push(v) end
print(pq.size, pq:peek())
local out = {}
while pq.size > 0 do out[#out + 1] = pq:pop() end
print(table.concat(out, " "))
print(pq:pop())
local maxq = PQ.new(function(a, b) return a > b end)
for i = 1, 20 do maxq:push((i * 7) % 13) end
local top3 = {maxq:pop(), maxq:pop(), maxq:pop()}
print(table.concat(top3, " "), maxq.size)
-- tasks by priority then by insertion order (stable via sequence number)
local tasks = PQ.new(function(a, b)
  if a.pri ~= b.pri then return a.pri < b.pri end
  return a.seq < b.seq
end)
local seq = 0
for _, t in ipairs({{"write", 2}, {"read", 1}, {"exec", 3}, {"log", 1}, {"sync", 2}}) do
  seq = seq + 1
  tasks:push({name = t[1], pri = t[2], seq = seq})
end
while tasks.size > 0 do local t = tasks:pop() io.write(t.name, "(", t.pri, ") ") end print()
-- heap sort of strings
local words = PQ.new()
for w in ("the quick brown fox jumps over the lazy dog"):gmatch("%a+") do words:push(w) end
local sorted = {}
while words.size > 0 do sorted[#sorted + 1] = words:pop() end
print(table.concat(sorted, " "))
