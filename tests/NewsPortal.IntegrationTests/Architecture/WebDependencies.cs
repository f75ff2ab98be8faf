using System.Reflection;
using System.Reflection.Emit;
using Microsoft.AspNetCore.Razor.Hosting;

namespace NewsPortal.IntegrationTests.Architecture;

/// <summary>
/// Which folder of the web project uses which, read from the compiled assembly: every type a type names in
/// its signatures, attributes and method bodies (IL), so a use without a <c>using</c> (a parent namespace, a
/// fully qualified name) counts too. A folder is a namespace under <c>NewsPortal.Web</c> ("Features.Messages",
/// "Platform.Caching"); compiled Razor views count for the folder their file is in.
/// </summary>
internal static class WebDependencies
{
    private const string Root = "NewsPortal.Web";

    private static readonly Dictionary<short, OpCode> OneByte = new();
    private static readonly Dictionary<short, OpCode> TwoByte = new();

    static WebDependencies()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            (code.Size == 1 ? OneByte : TwoByte)[code.Value] = code;
        }
    }

    /// <summary>Edges between folders: folder → the folders it uses (itself left out).</summary>
    public static Dictionary<string, HashSet<string>> Read(Assembly web)
    {
        var viewFolders = web.GetCustomAttributes<RazorCompiledItemAttribute>()
            .ToDictionary(a => a.Type, a => FolderOfView(a.Identifier));
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in web.GetTypes())
        {
            var outer = type;
            while (outer.DeclaringType is { } declaring)
            {
                outer = declaring;
            }

            var from = viewFolders.TryGetValue(outer, out var view) ? view : Folder(outer, viewFolders);
            if (from is null)
            {
                continue;
            }

            var edges = graph.TryGetValue(from, out var known) ? known : graph[from] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var used in Used(type))
            {
                if (Folder(used, viewFolders) is { } to && to != from)
                {
                    edges.Add(to);
                }
            }
        }

        return graph;
    }

    /// <summary>The folders that take part in a cycle, as one list per strongly connected component (Tarjan).</summary>
    public static List<List<string>> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var index = 0;
        var stack = new Stack<string>();
        var indices = new Dictionary<string, int>();
        var lows = new Dictionary<string, int>();
        var cycles = new List<List<string>>();

        void Visit(string node)
        {
            indices[node] = lows[node] = index++;
            stack.Push(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (!indices.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    lows[node] = Math.Min(lows[node], lows[next]);
                }
                else if (stack.Contains(next))
                {
                    lows[node] = Math.Min(lows[node], seen);
                }
            }

            if (lows[node] == indices[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1)
                {
                    cycles.Add(component);
                }
            }
        }

        foreach (var node in graph.Keys.ToList())
        {
            if (!indices.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }

    private static string? Folder(Type type, Dictionary<Type, string> viewFolders)
    {
        while (type.DeclaringType is { } declaring)
        {
            type = declaring;
        }

        if (viewFolders.TryGetValue(type, out var view))
        {
            return view;
        }

        var ns = type.Namespace ?? "";
        return ns == Root ? "(root)" : ns.StartsWith(Root + ".", StringComparison.Ordinal) ? ns[(Root.Length + 1)..] : null;
    }

    /// <summary>"/Features/Staff/Articles/Edit.cshtml" → "Features.Staff.Articles".</summary>
    private static string FolderOfView(string identifier) =>
        string.Join('.', identifier.Trim('/').Split('/')[..^1]);

    private static IEnumerable<Type> Used(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var used = new List<Type>();
        if (type.BaseType is { } baseType)
        {
            used.Add(baseType);
        }

        used.AddRange(type.GetInterfaces());
        used.AddRange(type.GetFields(all).Select(f => f.FieldType));
        used.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
            {
                used.Add(info.ReturnType);
            }

            used.AddRange(method.GetParameters().Select(p => p.ParameterType));
            used.AddRange(InBody(method));
        }

        return used.SelectMany(Expand);
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType && type.GetElementType() is { } element)
        {
            foreach (var t in Expand(element))
            {
                yield return t;
            }

            yield break;
        }

        yield return type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments().Where(a => !a.IsGenericParameter).SelectMany(Expand))
            {
                yield return argument;
            }
        }
    }

    /// <summary>The types an IL operand names: a type, or a member's declaring type and a generic method's type arguments.</summary>
    private static List<Type> Resolve(Module module, OperandType operand, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            var member = operand switch
            {
                OperandType.InlineMethod => module.ResolveMethod(token, typeArguments, methodArguments),
                OperandType.InlineField => module.ResolveField(token, typeArguments, methodArguments),
                _ => module.ResolveMember(token, typeArguments, methodArguments),
            };
            return member switch
            {
                Type type => [type],
                MethodBase { IsGenericMethod: true } method => [method.DeclaringType!, .. method.GetGenericArguments()],
                MemberInfo { DeclaringType: { } declaring } => [declaring],
                _ => [],
            };
        }
        catch (ArgumentException)
        {
            // A token from another generic context: its declaring type is named elsewhere in the method.
            return [];
        }
    }

    private static IEnumerable<Type> InBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var module = method.Module;
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            OpCode code;
            if (il[at] == 0xFE)
            {
                code = TwoByte[unchecked((short)(0xFE00 | il[at + 1]))];
                at += 2;
            }
            else
            {
                code = OneByte[il[at]];
                at += 1;
            }

            switch (code.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField:
                    foreach (var found in Resolve(module, code.OperandType, BitConverter.ToInt32(il, at), typeArguments, methodArguments))
                    {
                        yield return found;
                    }

                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (BitConverter.ToInt32(il, at) * 4);
                    break;
                default:
                    at += code.OperandType switch
                    {
                        OperandType.InlineNone => 0,
                        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                        OperandType.InlineVar => 2,
                        OperandType.InlineI8 or OperandType.InlineR => 8,
                        _ => 4,
                    };
                    break;
            }
        }
    }
}
