using System.Text.RegularExpressions;
using StepFunctionsCqrs.Asl.JSONata.Internal.Evaluation;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Ast;

/// <summary>A <c>/pattern/flags</c> literal, compiled once at parse time.</summary>
internal sealed class RegexNode : Node
{
    private readonly RegexFunction _function;

    public RegexNode(string pattern, string flags, int position) : base(position)
    {
        var options = RegexOptions.CultureInvariant | RegexOptions.ECMAScript;
        if (flags.Contains('i'))
        {
            options |= RegexOptions.IgnoreCase;
        }
        if (flags.Contains('m'))
        {
            options |= RegexOptions.Multiline;
        }
        Regex regex;
        try
        {
            regex = new Regex(pattern, options);
        }
        catch (ArgumentException)
        {
            // ECMAScript mode refuses some constructs (lookbehind, named groups) that JavaScript accepts.
            regex = new Regex(pattern, options & ~RegexOptions.ECMAScript);
        }
        _function = new RegexFunction(regex);
    }

    public override object? EvaluateCore(object? input, Frame frame) => _function;
}
