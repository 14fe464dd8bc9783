using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;

namespace StepFunctionsCqrs.Infra.Tests.Support;

/// <summary>
/// The DynamoDB API calls a handler can reach, read from the compiled IL: every method reachable from the handler's
/// constructor and <c>Handle</c>, following calls, delegates (lambdas), async state machines and, for interface or virtual
/// calls, every implementation in the project's assemblies. Each <c>IAmazonDynamoDB.XxxAsync</c> reached is the action
/// <c>dynamodb:Xxx</c>.
/// </summary>
internal static class DynamoDbCallGraph
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The <c>dynamodb:</c> actions reachable from a handler type.</summary>
    public static IReadOnlySet<string> ActionsOf(Type handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var ownTypes = OwnAssemblies(handler).SelectMany(LoadableTypes).Where(t => t is { IsInterface: false, IsAbstract: false }).ToList();
        var actions = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<MethodBase>();
        var work = new Stack<MethodBase>(handler.GetConstructors().Cast<MethodBase>().Concat(handler.GetMethods().Where(m => m.Name == "Handle")));
        while (work.Count > 0)
        {
            var method = work.Pop();
            if (!seen.Add(method))
            {
                continue;
            }

            if (method.GetCustomAttribute<StateMachineAttribute>() is { } stateMachine
                && stateMachine.StateMachineType.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) is { } moveNext)
            {
                work.Push(moveNext);
            }

            foreach (var callee in Callees(method))
            {
                if (typeof(IAmazonDynamoDB).IsAssignableFrom(callee.DeclaringType) && callee.Name.EndsWith("Async", StringComparison.Ordinal))
                {
                    actions.Add("dynamodb:" + callee.Name[..^"Async".Length]);
                }
                else if (IsOwn(callee.DeclaringType, handler))
                {
                    work.Push(callee);
                    foreach (var implementation in Implementations(callee, ownTypes))
                    {
                        work.Push(implementation);
                    }
                }
            }
        }

        return actions;
    }

    private static IEnumerable<Assembly> OwnAssemblies(Type handler) =>
        new[] { handler.Assembly }
            .Concat(handler.Assembly.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("StepFunctionsCqrs.", StringComparison.Ordinal)).Select(Assembly.Load))
            .Distinct();

    private static bool IsOwn(Type? type, Type handler) =>
        type?.Assembly.GetName().Name?.StartsWith("StepFunctionsCqrs.", StringComparison.Ordinal) == true || type?.Assembly == handler.Assembly;

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    // An interface or virtual call may land in any type of the project that implements or overrides the method.
    private static IEnumerable<MethodBase> Implementations(MethodBase callee, List<Type> ownTypes)
    {
        if (callee is not MethodInfo method || callee.DeclaringType is not { } declaring || !(method.IsVirtual || method.IsAbstract))
        {
            yield break;
        }

        foreach (var type in ownTypes)
        {
            if (type.IsGenericTypeDefinition && !declaring.IsInterface)
            {
                continue;
            }

            if (declaring.IsInterface)
            {
                foreach (var implemented in type.GetInterfaces().Where(i => SameDefinition(i, declaring)))
                {
                    var map = type.GetInterfaceMap(implemented);
                    for (var i = 0; i < map.InterfaceMethods.Length; i++)
                    {
                        if (map.InterfaceMethods[i].MetadataToken == method.MetadataToken && map.TargetMethods[i].DeclaringType is { } target && target != declaring)
                        {
                            yield return map.TargetMethods[i];
                        }
                    }
                }
            }
            else if (declaring.IsAssignableFrom(type))
            {
                var overrides = type.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                    .Where(m => m.Name == method.Name && m.GetBaseDefinition().MetadataToken == method.GetBaseDefinition().MetadataToken);
                foreach (var o in overrides)
                {
                    yield return o;
                }
            }
        }
    }

    private static bool SameDefinition(Type a, Type b) =>
        a == b || (a.IsGenericType && b.IsGenericType && a.GetGenericTypeDefinition() == b.GetGenericTypeDefinition());

    private static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (InvalidOperationException)
        {
            il = null;
        }

        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } m ? m.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var value = il[position] == 0xFE ? (short)(0xFE00 | il[position + 1]) : il[position];
            var opCode = OpCodesByValue[value];
            position += opCode.Size;
            var operandSize = OperandSize(opCode, il, position);
            if (opCode.OperandType == OperandType.InlineMethod)
            {
                MethodBase? callee = null;
                try
                {
                    callee = method.Module.ResolveMethod(BitConverter.ToInt32(il, position), typeArguments, methodArguments);
                }
                catch (ArgumentException)
                {
                }

                if (callee is not null)
                {
                    yield return callee;
                }
            }

            position += operandSize;
        }
    }

    private static int OperandSize(OpCode opCode, byte[] il, int position) => opCode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };
}
