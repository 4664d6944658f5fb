// imgui.frag: the vertex colour times the bound texture (the font atlas or a heatmap).
uniform sampler2D atlas;
in vec2 fragUv;
in vec4 fragColour;
out vec4 outColour;

void main() { outColour = fragColour * texture(atlas, fragUv); }
