local List = {}
List.__index = List
function List.new() return setmetatable({head = nil, tail = nil, size = 0}, List) end
function List:push(v)
  local node = {value = v}
  if self.tail then self.tail.next = node node.prev = self.tail else self.head = node end
  self.tail = node
  self.size = self.size + 1
  return self
end
function List:unshift(v)
  local node = {value = v, next = self.head}
  if self.head then self.head.prev = node else self.tail = node end
  self.head = node
  self.size = self.size + 1
  return self
end
function List:remove(v)
  local n = self.head
  while n do
    if n.value == v then
      if n.prev then n.prev.next = n.next else self.head = n.next end
      if n.next then n.next.prev = n.prev else self.tail = n.prev end
      self.size = self.size - 1
      return true
    end
    n = n.next
  end
  return false
end
function List:iter()
  local n = self.head
  return function()
    if n then local v = n.value n = n.next return v end
  end
end
function List:reverse()
  local n = self.head
  self.head, self.tail = self.tail, self.head
  while n do n.next, n.prev = n.prev, n.next n = n.prev end
  return self
end
List.__tostring = function(l)
  local parts = {}
  for v in l:iter() do parts[#parts + 1] = tostring(v) end
  return "(" .. table.concat(parts, " <-> ") .. ")"
end
List.__len = function(l) return l.size end
local l = List.new():push(1):push(2):push(3):unshift(0)
print(tostring(l), l.size)
print(l:remove(2), l:remove(42), tostring(l))
print(tostring(l:reverse()))
print(l:remove(3), l:remove(0), tostring(l), l.head == l.tail)
print(l:remove(1), tostring(l), l.head, l.tail, l.size)
local words = List.new()
for w in ("to be or not to be"):gmatch("%a+") do words:push(w) end
print(tostring(words))
while words:remove("be") do end
print(tostring(words), words.size)
