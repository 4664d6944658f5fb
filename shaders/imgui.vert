// imgui.vert: Dear ImGui's vertices (pixel position, atlas uv, packed colour) to clip space.
uniform mat4 projection;
in vec2 position;
in vec2 uv;
in vec4 colour;
out vec2 fragUv;
out vec4 fragColour;

void main() {
  fragUv = uv;
  fragColour = colour;
  gl_Position = projection * vec4(position, 0.0, 1.0);
}
