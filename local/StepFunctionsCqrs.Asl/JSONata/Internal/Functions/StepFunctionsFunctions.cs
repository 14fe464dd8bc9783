using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.JSONata.Internal.Values;

namespace StepFunctionsCqrs.Asl.JSONata.Internal.Functions;

/// <summary>The functions Step Functions adds to JSONata: $partition, $range, $hash, $random(seed), $uuid, $parse.</summary>
internal static class StepFunctionsFunctions
{
    public static void Register(FunctionLibrary library)
    {
        library.Define("partition", "<an:a>", (a, _) => Partition(a[0] as JsonataArray, (double)a[1]!));
        library.Define("range", "<nnn?:a>", (a, _) => Range((double)a[0]!, (double)a[1]!, a[2] as double? ?? 1));
        library.Define("hash", "<s-s?:s>", (a, _) => a[0] is string s ? Hash(s, a[1] as string ?? "SHA-256") : null);
        library.Define("random", "<n?:n>", (a, f) => a[0] is double seed ? new JavaRandom((long)seed).NextDouble() : f.Run.Random.NextDouble());
        library.Define("uuid", "<:s>", (_, f) => Uuid(f.Run.Random));
        library.Define("parse", "<s-:x>", (a, _) => a[0] is string s ? Parse(s) : null);
    }

    private static JsonataArray Partition(JsonataArray? items, double size)
    {
        if (size < 1 || size != Math.Floor(size))
        {
            throw new JsonataException("D3060", "The partition size must be a positive integer");
        }
        var result = new JsonataArray();
        if (items is null)
        {
            return result;
        }
        for (var i = 0; i < items.Count; i += (int)size)
        {
            result.Add(new JsonataArray(items.Skip(i).Take((int)size)));
        }
        return result;
    }

    private static JsonataArray Range(double start, double end, double step)
    {
        if (step == 0)
        {
            throw new JsonataException("D3060", "The range step must not be zero");
        }
        var result = new JsonataArray();
        for (var value = start; step > 0 ? value < end : value > end; value += step)
        {
            if (result.Count >= 10_000_000)
            {
                throw new JsonataException("D2014", "The range must not exceed 1e7 items");
            }
            result.Add(value);
        }
        return result;
    }

    private static string Hash(string data, string algorithm)
    {
        var bytes = Encoding.UTF8.GetBytes(data);
        var hash = algorithm switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            _ => throw new JsonataException("D3060", $"Unsupported hash algorithm: {algorithm}; use MD5, SHA-1, SHA-256, SHA-384 or SHA-512"),
        };
        return Convert.ToHexStringLower(hash);
    }

    private static string Uuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    private static object? Parse(string text)
    {
        try
        {
            return NodeConversion.FromNode(JsonNode.Parse(text));
        }
        catch (JsonException e)
        {
            throw new JsonataException("D3060", $"Unable to parse JSON: {e.Message}");
        }
    }
}
