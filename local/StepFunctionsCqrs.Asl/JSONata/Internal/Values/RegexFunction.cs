using System.Text.RegularExpressions;
using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Values;

/// <summary>A regex literal; as a function it returns the first match object {match, index, groups}.</summary>
internal sealed class RegexFunction : JsonataFunction
{
    public RegexFunction(Regex regex)
    {
        Regex = regex;
    }

    public Regex Regex { get; }

    public override int Arity => 1;

    public override object? Invoke(object?[] arguments, object? input, Frame frame)
    {
        if (arguments.Length == 0 || arguments[0] is not string text)
        {
            return null;
        }
        var match = Regex.Match(text);
        return match.Success ? ToMatchObject(match) : null;
    }

    public static JsonataObject ToMatchObject(Match match)
    {
        var groups = new JsonataArray();
        for (var i = 1; i < match.Groups.Count; i++)
        {
            groups.Add(match.Groups[i].Value);
        }
        return new JsonataObject
        {
            ["match"] = match.Value,
            ["index"] = (double)match.Index,
            ["groups"] = groups,
        };
    }
}
