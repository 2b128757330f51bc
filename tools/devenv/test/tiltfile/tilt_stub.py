"""Evaluates the repository's Tiltfile under a stub of the Tilt API and prints, as JSON, the
resource graph it declares (builds, resources, triggers, port forwards, manifests).

Starlark is close to a subset of Python, so the Tiltfile runs here as Python after a check that
it uses nothing Starlark lacks. Only the Tilt calls are stubbed: local() really runs its command
(devenv plan / render), so the graph is the one `tilt up` would build.

    python3 tilt_stub.py TILTFILE --context minikube [--setting key=value ...]
"""
import argparse
import ast
import json
import subprocess
import sys
import os

# Python constructs Starlark does not have (https://github.com/bazelbuild/starlark/blob/master/spec.md).
NOT_STARLARK = {
    ast.Import: "import", ast.ImportFrom: "import", ast.While: "while", ast.Try: "try",
    ast.ClassDef: "class", ast.With: "with", ast.AsyncFunctionDef: "async", ast.Await: "await",
    ast.Yield: "yield", ast.YieldFrom: "yield", ast.Global: "global", ast.Nonlocal: "nonlocal",
    ast.JoinedStr: "f-string", ast.Lambda: "lambda", ast.Set: "set literal", ast.SetComp: "set comprehension",
    ast.Raise: "raise", ast.Assert: "assert", ast.Delete: "del", ast.Starred: "starred expression",
    ast.NamedExpr: "walrus",
}


def starlark_violations(source):
    found = []
    for node in ast.walk(ast.parse(source)):
        kind = NOT_STARLARK.get(type(node))
        if kind:
            found.append("line %d: %s" % (node.lineno, kind))
        if isinstance(node, ast.Compare):
            if len(node.ops) > 1:
                found.append("line %d: chained comparison" % node.lineno)
            if any(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops):
                found.append("line %d: 'is' operator" % node.lineno)
    return found


class TiltfileFailed(Exception):
    pass


def evaluate(path, context, settings, repo):
    graph = {
        "version_constraint": None, "config_definitions": [], "allowed_contexts": [], "default_registry": None,
        "k8s_yaml": [], "watch_files": [], "docker_builds": [], "k8s_resources": [], "local_resources": [],
        "local_commands": [], "prints": [],
    }

    class Config:
        def define_string(self, name, args=False, usage=""):
            graph["config_definitions"].append({"name": name, "type": "string", "usage": usage})

        def define_string_list(self, name, args=False, usage=""):
            graph["config_definitions"].append({"name": name, "type": "string_list", "usage": usage})

        def define_bool(self, name, args=False, usage=""):
            graph["config_definitions"].append({"name": name, "type": "bool", "usage": usage})

        def parse(self):
            defined = {d["name"] for d in graph["config_definitions"]}
            unknown = [k for k in settings if k not in defined]
            if unknown:
                raise TiltfileFailed("unknown setting(s): %s" % ", ".join(unknown))
            # Like Tilt: a bool setting is true when given bare (--monitoring) or as true.
            kinds = {d["name"]: d["type"] for d in graph["config_definitions"]}
            return {k: (v in ("true", "True", "1", "")) if kinds[k] == "bool" else v for k, v in settings.items()}

    def local(command, quiet=False, echo_off=False, env=None, dir=None):
        argv = command if isinstance(command, list) else ["sh", "-c", command]
        graph["local_commands"].append({"argv": argv, "quiet": quiet, "echo_off": echo_off})
        done = subprocess.run(argv, cwd=repo, capture_output=True, text=True)
        if done.returncode != 0:
            raise TiltfileFailed("local(%s) exited %d: %s" % (argv, done.returncode, done.stderr))
        return done.stdout

    def fail(message):
        raise TiltfileFailed(message)

    def record(kind):
        def call(*args, **kwargs):
            return {"kind": kind, "args": list(args), **kwargs}
        return call

    def docker_build(ref, context, **kwargs):
        graph["docker_builds"].append({"ref": ref, "context": context, **kwargs})

    def k8s_resource(workload="", **kwargs):
        graph["k8s_resources"].append({"workload": workload, **kwargs})

    def local_resource(name, cmd="", **kwargs):
        graph["local_resources"].append({"name": name, "cmd": cmd, **kwargs})

    api = {
        "config": Config(),
        "version_settings": lambda constraint="", **_: graph.__setitem__("version_constraint", constraint),
        "k8s_context": lambda: context,
        "allow_k8s_contexts": lambda contexts: graph["allowed_contexts"].extend(contexts if isinstance(contexts, list) else [contexts]),
        "default_registry": lambda registry, **_: graph.__setitem__("default_registry", registry),
        "local": local,
        "decode_json": json.loads,
        "fail": fail,
        "k8s_yaml": lambda yaml, **_: graph["k8s_yaml"].append(yaml),
        "watch_file": lambda path: graph["watch_files"].append(path),
        "docker_build": docker_build,
        "sync": record("sync"),
        "fall_back_on": record("fall_back_on"),
        "run": record("run"),
        "port_forward": lambda local_port, container_port=None, name="", **_: {"local": local_port, "container": container_port, "name": name},
        "link": lambda url, name="": {"url": url, "name": name},
        "k8s_resource": k8s_resource,
        "local_resource": local_resource,
        "TRIGGER_MODE_AUTO": "auto",
        "TRIGGER_MODE_MANUAL": "manual",
        "print": lambda *parts: graph["prints"].append(" ".join(str(p) for p in parts)),
    }
    source = open(path).read()
    exec(compile(source, path, "exec"), {"__builtins__": {"str": str, "int": int, "len": len, "range": range, "list": list, "dict": dict, "sorted": sorted, "True": True, "False": False, "None": None}, **api})
    return graph


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tiltfile")
    parser.add_argument("--context", default="minikube")
    parser.add_argument("--repo", default=None)
    parser.add_argument("--setting", action="append", default=[], help="key=value, repeated for a list")
    options = parser.parse_args()
    settings = {}
    for item in options.setting:
        key, value = item.split("=", 1)
        if key == "port":
            settings.setdefault(key, []).append(value)
        else:
            settings[key] = value
    repo = options.repo or os.path.dirname(os.path.abspath(options.tiltfile))
    source = open(options.tiltfile).read()
    result = {"starlark_violations": starlark_violations(source)}
    try:
        result["graph"] = evaluate(options.tiltfile, options.context, settings, repo)
    except TiltfileFailed as failure:
        result["failed"] = str(failure)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
