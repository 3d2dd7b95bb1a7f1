local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound)
  local self = setmetatable({}, Animal)
  self.name = name
  self.sound = sound
  return self
end
function Animal:speak() return self.name .. " says " .. self.sound end
function Animal:getName() return self.name end
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
function Dog.new(name, breed)
  local self = Animal.new(name, "woof")
  self.breed = breed
  return setmetatable(self, Dog)
end
function Dog:fetch() return self.name .. " fetches!" end
function Dog:speak() return Animal.speak(self) .. " (a " .. self.breed .. ")" end
local a = Animal.new("Cat", "meow")
local d = Dog.new("Rex", "beagle")
print(a:speak())
print(d:speak())
print(d:fetch(), d:getName())
print(getmetatable(d) == Dog, getmetatable(a) == Animal)
print(rawget(Dog, "getName"), Dog.getName == Animal.getName)
print(pcall(function() return a:fetch() end))
-- dot vs colon call
print(Animal.speak(d), d.speak(d))
print(pcall(Animal.speak))
-- class with static counter and tostring
local Counter = {count = 0}
Counter.__index = Counter
Counter.__tostring = function(c) return "Counter#" .. c.id end
function Counter.new()
  Counter.count = Counter.count + 1
  return setmetatable({id = Counter.count}, Counter)
end
local c1, c2, c3 = Counter.new(), Counter.new(), Counter.new()
print(tostring(c1), tostring(c3), Counter.count, c2.count)
-- instance-level override
c2.count = "own"
print(c2.count, Counter.count)
-- isinstance
local function isinstance(o, cls)
  local mt = getmetatable(o)
  while mt do
    if mt == cls then return true end
    local parent = getmetatable(mt)
    mt = parent and parent.__index
  end
  return false
end
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(a, Dog), isinstance({}, Animal))
