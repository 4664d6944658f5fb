// heatmap.frag: one cell per texel of the weights texture, coloured by a perceptual
// colormap (its anchors come from src/ui/kit/colormap.cpp), with a thin light gap between cells.
uniform sampler2D weights;   // R32F, one texel per (query row, key column)
uniform vec2 cellCount;      // (columns, rows)
uniform float gapFraction;   // width of the gap, as a fraction of a cell
uniform vec3 anchors[5];     // the colormap at t = 0, 0.25, 0.5, 0.75, 1
in vec2 uv;
out vec4 fragColor;

vec3 colormap(float t) {
  float s = clamp(t, 0.0, 1.0) * 4.0;
  if (s < 1.0) return mix(anchors[0], anchors[1], s);
  if (s < 2.0) return mix(anchors[1], anchors[2], s - 1.0);
  if (s < 3.0) return mix(anchors[2], anchors[3], s - 2.0);
  return mix(anchors[3], anchors[4], min(s - 3.0, 1.0));
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
