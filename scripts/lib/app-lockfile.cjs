// Derives one app's own package-lock.json from the workspace's root lockfile, so Connect, which
// installs each app folder on its own, gets exactly the versions the workspace was tested with.
// Pure: root lockfile + package.json files in, lockfile object out; no network, no npm.
//
// How: every package the app can reach is resolved as Node resolves it from the app's place in
// the workspace tree (the root lockfile's own answer), then laid out under the app as npm would:
// as high as it goes without hiding another version from a package that already resolved it.
// Dependency flags (dev, optional, devOptional, peer) are recomputed for the app alone, the way
// npm's calc-dep-flags does, so `npm prune --omit=dev` keeps exactly the app's runtime packages.
'use strict';

const FLAG_KEYS = ['dev', 'optional', 'devOptional', 'peer', 'extraneous'];

/** The folder whose node_modules a lockfile location sits in ('' = the project root). */
function parentDir(loc) {
  const at = loc.lastIndexOf('/node_modules/');
  if (at >= 0) return loc.slice(0, at);

  return '';
}

function locIn(dir, name) {
  return dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
}

/** Folders searched for a package required from `loc`, nearest first, as Node does. */
function searchChain(loc) {
  const chain = [loc];
  for (let dir = loc; dir !== '';) {
    dir = parentDir(dir);
    chain.push(dir);
  }

  return chain;
}

function isWithin(loc, dir) {
  return dir === '' || loc.startsWith(`${dir}/node_modules/`);
}

/** The edges out of a package: name -> type (prod, optional, peer, peerOptional, dev). */
function edgesOf(meta, isRoot) {
  const edges = new Map();
  for (const name of Object.keys(meta.dependencies ?? {})) edges.set(name, 'prod');
  for (const name of Object.keys(meta.optionalDependencies ?? {})) edges.set(name, 'optional');
  for (const name of Object.keys(meta.peerDependencies ?? {})) {
    const optional = meta.peerDependenciesMeta?.[name]?.optional === true;
    if (!edges.has(name)) edges.set(name, optional ? 'peerOptional' : 'peer');
  }
  if (isRoot) for (const name of Object.keys(meta.devDependencies ?? {})) edges.set(name, 'dev');

  return [...edges].sort(([a], [b]) => a.localeCompare(b, 'en'));
}

/** Where the root lockfile resolves `name` from `loc`, or undefined. */
function resolveInRoot(packages, loc, name) {
  for (const dir of searchChain(loc)) {
    const candidate = locIn(dir, name);
    if (packages[candidate]) return candidate;
  }

  return undefined;
}

function identity(packages, loc) {
  return `${loc.slice(loc.lastIndexOf('node_modules/') + 13)}@${packages[loc].version}`;
}

/**
 * Lays the app's packages out under the app root. `links` are the app's `file:` dependencies
 * (name -> relative path): npm links them and does not install their dependencies.
 */
function layOut(packages, appLoc, rootMeta, links) {
  const placed = new Map(); // app location -> { ident, rootLoc }
  const edges = []; // { from, name, to, type }
  const queue = [{ loc: '', rootLoc: appLoc, meta: rootMeta }];
  const problems = [];

  // Would a package put in dir/node_modules hide, from a package that already resolved `name`
  // through that folder (the one owning it included), the version it resolved higher up?
  const shadows = (dir, name) =>
    edges.some(
      (e) => e.name === name && (e.from === dir || isWithin(e.from, dir)) && !isWithin(e.to, dir),
    );

  const place = (fromLoc, name, ident) => {
    let chosen;
    for (const dir of searchChain(fromLoc)) {
      const there = placed.get(locIn(dir, name));
      if (there) {
        if (there.ident === ident) return { loc: locIn(dir, name), added: false };
        break;
      }
      if (!shadows(dir, name)) chosen = dir;
    }
    if (chosen === undefined) throw new Error(`no place for ${ident} required from ${fromLoc}`);

    return { loc: locIn(chosen, name), added: true };
  };

  while (queue.length > 0) {
    const node = queue.shift();
    for (const [name, type] of edgesOf(node.meta, node.loc === '')) {
      if (node.loc === '' && links[name]) {
        edges.push({ from: '', name, to: locIn('', name), type });
        continue;
      }
      const target = resolveInRoot(packages, node.rootLoc, name);
      if (!target || packages[target].link) {
        if (type !== 'optional' && type !== 'peerOptional') {
          problems.push(
            `${name}, required from ${node.loc || 'the app'}, is not in the root lockfile`,
          );
        }
        continue;
      }
      // A package reached only through optional peer edges is not installed: skip those edges here.
      if (type === 'peerOptional') {
        edges.push({ from: node.loc, name, rootTarget: target, type, deferred: true });
        continue;
      }
      const ident = identity(packages, target);
      const { loc, added } = place(node.loc, name, ident);
      edges.push({ from: node.loc, name, to: loc, type });
      if (added) {
        placed.set(loc, { ident, rootLoc: target });
        queue.push({ loc, rootLoc: target, meta: packages[target] });
      }
    }
  }
  // Optional peers count when something else brought the same version in.
  for (const e of edges.filter((x) => x.deferred)) {
    const ident = identity(packages, e.rootTarget);
    const found = searchChain(e.from)
      .map((dir) => locIn(dir, e.name))
      .find((loc) => placed.has(loc));
    if (found && placed.get(found).ident === ident) e.to = found;
  }

  return { placed, edges: edges.filter((e) => e.to), problems };
}

/** npm's calc-dep-flags over the laid-out tree (links: flags pass to the link's target). */
function computeFlags(nodeLocs, edges, links) {
  const flags = new Map();
  for (const loc of nodeLocs)
    flags.set(loc, { dev: true, optional: true, devOptional: true, peer: true });
  flags.set('', { dev: false, optional: false, devOptional: false, peer: false });
  const out = new Map();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const linkTargets = new Map(Object.entries(links).map(([name, rel]) => [locIn('', name), rel]));

  const queue = [''];
  const seen = new Set();
  while (queue.length > 0) {
    const loc = queue.pop();
    seen.add(loc);
    const from = flags.get(loc);
    const passTo = (to, { dev, optional, peer }) => {
      const f = flags.get(to);
      let changed = false;
      const unset = (key, when) => {
        if (f[key] && when) {
          f[key] = false;
          changed = true;
        }
      };
      unset('dev', !from.dev && !dev);
      unset('optional', !from.optional && !optional);
      unset('devOptional', !from.devOptional && !from.dev && !from.optional && !dev && !optional);
      unset('peer', !from.peer && !peer);
      if (changed || !seen.has(to)) queue.push(to);
    };
    if (linkTargets.has(loc)) {
      // A link hands its own flags to its target (calc-dep-flags' link rule).
      const target = flags.get(linkTargets.get(loc));
      for (const key of ['dev', 'optional', 'devOptional', 'peer']) {
        if (target[key] && !from[key]) target[key] = false;
      }
      queue.push(linkTargets.get(loc));
      continue;
    }
    for (const e of out.get(loc) ?? []) {
      passTo(e.to, {
        dev: e.type === 'dev',
        optional: e.type === 'optional' || e.type === 'peerOptional',
        peer: e.type === 'peer' || e.type === 'peerOptional',
      });
    }
  }
  for (const f of flags.values()) if (f.devOptional && (f.dev || f.optional)) f.devOptional = false;

  return flags;
}

function withFlags(meta, f) {
  const entry = Object.fromEntries(Object.entries(meta).filter(([k]) => !FLAG_KEYS.includes(k)));
  for (const key of ['dev', 'optional', 'devOptional', 'peer']) if (f[key]) entry[key] = true;

  return entry;
}

/** Root entry of a lockfile for a package.json, as npm writes it (`name`, empty maps left out). */
function topEntry(pkg, { withName }) {
  const keys = ['version', 'dependencies', 'peerDependencies', 'peerDependenciesMeta'];
  keys.push('optionalDependencies', 'bundleDependencies', 'funding', 'engines', 'os', 'cpu');
  keys.push('libc', 'license', 'bin', 'workspaces');
  const entry = withName ? { name: pkg.name } : {};
  for (const key of keys) {
    const val = pkg[key];
    if (val && (typeof val !== 'object' || Object.keys(val).length > 0)) entry[key] = val;
  }
  if (pkg.devDependencies) entry.devDependencies = pkg.devDependencies;

  return entry;
}

/**
 * The app's lockfile. `rootLock`: the workspace's package-lock.json; `appLoc`: the app's folder
 * in the workspace; `appPkg`: its package.json; `linkedPkgs`: name -> { rel, pkg } for each
 * `file:` dependency (e.g. shared).
 */
function appLockfile(rootLock, appLoc, appPkg, linkedPkgs) {
  const packages = rootLock.packages;
  const links = Object.fromEntries(Object.entries(linkedPkgs).map(([n, l]) => [n, l.rel]));
  const { placed, edges, problems } = layOut(packages, appLoc, appPkg, links);
  if (problems.length > 0) throw new Error(`${appPkg.name}: ${problems.join('; ')}`);
  const linkLocs = Object.entries(links).flatMap(([name, rel]) => [rel, locIn('', name)]);
  const flags = computeFlags([...placed.keys(), ...linkLocs], edges, links);

  const out = { '': topEntry(appPkg, { withName: true }) };
  for (const [name, { rel, pkg }] of Object.entries(linkedPkgs)) {
    out[rel] = withFlags(topEntry(pkg, { withName: false }), flags.get(rel));
    out[locIn('', name)] = { resolved: rel, link: true };
  }
  for (const [loc, { rootLoc }] of placed) out[loc] = withFlags(packages[rootLoc], flags.get(loc));

  return {
    name: appPkg.name,
    version: appPkg.version,
    lockfileVersion: 3,
    requires: true,
    packages: out,
  };
}

module.exports = { appLockfile, searchChain, parentDir };
