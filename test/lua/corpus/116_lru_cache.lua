local LRU = {}
LRU.__index = LRU
function LRU.new(cap)
  local head, tail = {}, {}
  head.next, tail.prev = tail, head
  return setmetatable({cap = cap, map = {}, head = head, tail = tail, size = 0, hits = 0, misses = 0}, LRU)
end
local function unlink(n) n.prev.next, n.next.prev = n.next, n.prev end
function LRU:_front(n) n.next, n.prev = self.head.next, self.head self.head.next.prev = n self.head.next = n end
function LRU:get(k)
  local n = self.map[k]
  if not n then self.misses = self.misses + 1 return nil end
  self.hits = self.hits + 1
  unlink(n) self:_front(n)
  return n.v
end
function LRU:put(k, v)
  local n = self.map[k]
  if n then n.v = v unlink(n) self:_front(n) return end
  if self.size >= self.cap then
    local last = self.tail.prev
    unlink(last)
    self.map[last.k] = nil
    self.size = self.size - 1
    print("evict", last.k)
  end
  n = {k = k, v = v}
  self.map[k] = n
  self:_front(n)
  self.size = self.size + 1
end
function LRU:keys()
  local out, n = {}, self.head.next
  while n ~= self.tail do out[#out + 1] = tostring(n.k) n = n.next end
  return table.concat(out, ",")
end
local c = LRU.new(3)
c:put("a", 1) c:put("b", 2) c:put("c", 3)
print(c:keys())
print(c:get("a"), c:keys())
c:put("d", 4)
print(c:keys(), c:get("b"))
c:put("c", 30)
print(c:keys(), c:get("c"))
c:put("e", 5)
c:put("f", 6)
print(c:keys(), c.size, c.hits, c.misses)
local big = LRU.new(2)
for i = 1, 5 do big:put(i % 3, i) end
print(big:keys(), big:get(0), big:get(1), big:get(2))
