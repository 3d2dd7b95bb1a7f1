local BST = {}
BST.__index = BST
function BST.new() return setmetatable({root = nil, n = 0}, BST) end
function BST:insert(k, v)
  local node = self.root
  if not node then self.root = {k = k, v = v} self.n = 1 return end
  while true do
    if k == node.k then node.v = v return
    elseif k < node.k then
      if node.l then node = node.l else node.l = {k = k, v = v} break end
    else
      if node.r then node = node.r else node.r = {k = k, v = v} break end
    end
  end
  self.n = self.n + 1
end
function BST:get(k)
  local node = self.root
  while node do
    if k == node.k then return node.v end
    node = k < node.k and node.l or node.r
  end
end
function BST:inorder()
  local out = {}
  local function walk(n) if n then walk(n.l) out[#out + 1] = n.k .. "=" .. tostring(n.v) walk(n.r) end end
  walk(self.root)
  return table.concat(out, " ")
end
function BST:height()
  local function h(n) if not n then return 0 end return 1 + math.max(h(n.l), h(n.r)) end
  return h(self.root)
end
function BST:min() local n = self.root while n and n.l do n = n.l end return n and n.k end
function BST:max() local n = self.root while n and n.r do n = n.r end return n and n.k end
local t = BST.new()
for _, k in ipairs({50, 30, 70, 20, 40, 60, 80, 35, 45, 65}) do t:insert(k, k * 2) end
print(t:inorder())
print(t.n, t:height(), t:min(), t:max(), t:get(45), t:get(99))
t:insert(45, "updated")
print(t:get(45), t.n)
local words = BST.new()
for w in ("pear apple fig banana kiwi cherry date"):gmatch("%a+") do words:insert(w, #w) end
print(words:inorder())
print(words:height(), words:min(), words:max())
local degenerate = BST.new()
for i = 1, 100 do degenerate:insert(i, i) end
print(degenerate:height(), degenerate:get(100))
