// heatmap.frag: one cell per texel of the weights texture, coloured by a perceptual
// colormap (same anchors as src/ui/colormap.cpp), with a thin light gap between cells.
uniform sampler2D weights;   // R32F, one texel per (query row, key column)
uniform vec2 cellCount;      // (columns, rows)
uniform float gapFraction;   // width of the gap, as a fraction of a cell
in vec2 uv;
out vec4 fragColor;

vec3 colormap(float t) {
  const vec3 c0 = vec3(0.267, 0.005, 0.329);
  const vec3 c1 = vec3(0.230, 0.322, 0.546);
  const vec3 c2 = vec3(0.128, 0.567, 0.551);
  const vec3 c3 = vec3(0.369, 0.789, 0.383);
  const vec3 c4 = vec3(0.993, 0.906, 0.144);
  float s = clamp(t, 0.0, 1.0) * 4.0;
  if (s < 1.0) return mix(c0, c1, s);
  if (s < 2.0) return mix(c1, c2, s - 1.0);
  if (s < 3.0) return mix(c2, c3, s - 2.0);
  return mix(c3, c4, min(s - 3.0, 1.0));
}

void main() {
  vec2 cell = uv * cellCount;
  ivec2 index = ivec2(min(floor(cell), cellCount - 1.0));
  float value = texelFetch(weights, index, 0).r;
  vec2 within = fract(cell);
  float edge = min(min(within.x, 1.0 - within.x), min(within.y, 1.0 - within.y));
  vec3 colour = edge < gapFraction ? vec3(1.0) : colormap(value);
  fragColor = vec4(colour, 1.0);
}
