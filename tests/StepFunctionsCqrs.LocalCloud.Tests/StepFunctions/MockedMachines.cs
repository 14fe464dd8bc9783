namespace StepFunctionsCqrs.LocalCloud.Tests.StepFunctions;

/// <summary>The state machines the shared local cloud's mock configuration has test cases for, and that configuration.</summary>
public static class MockedMachines
{
    /// <summary>Charges through a function that does not exist (so only a mock can answer), then ships through SQS for real.</summary>
    public const string OrdersName = "mocked-orders";

    /// <summary>The orders machine: Charge (Retry on Busy, Catch of Declined) → Ship (a real sqs:sendMessage to $.queueUrl).</summary>
    public const string Orders = """
        { "StartAt": "Charge", "States": {
            "Charge": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:ChargeCard", "ResultPath": "$.charge",
                        "Retry": [ { "ErrorEquals": ["Busy"], "MaxAttempts": 3, "IntervalSeconds": 1, "BackoffRate": 1 } ],
                        "Catch": [ { "ErrorEquals": ["Declined"], "ResultPath": "$.declined", "Next": "Refund" } ],
                        "Next": "Ship" },
            "Ship": { "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
                      "Parameters": { "QueueUrl.$": "$.queueUrl", "MessageBody.$": "States.JsonToString($.charge)" },
                      "ResultSelector": { "id.$": "$.MessageId" }, "ResultPath": "$.shipped", "End": true },
            "Refund": { "Type": "Pass", "Result": "refunded", "ResultPath": "$.refund", "End": true } } }
        """;

    /// <summary>Waits for an approval whose token goes to a queue that does not exist: only a mock can answer it.</summary>
    public const string ApprovalsName = "mocked-approvals";

    /// <summary>The approvals machine.</summary>
    public const string Approvals = """
        { "StartAt": "Approve", "States": {
            "Approve": { "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                         "Parameters": { "QueueUrl": "http://127.0.0.1:9/000000000000/nobody", "MessageBody.$": "$$.Task.Token" },
                         "TimeoutSeconds": 30, "End": true } } }
        """;

    /// <summary>The mock configuration the shared local cloud starts with.</summary>
    public const string Configuration = """
        {
          "StateMachines": {
            "mocked-orders": {
              "TestCases": {
                "HappyPath": { "Charge": "ChargeSucceeds" },
                "RetryPath": { "Charge": "ChargeBusyTwice" },
                "CatchPath": { "Charge": "ChargeDeclined" }
              }
            },
            "mocked-approvals": {
              "TestCases": { "Approved": { "Approve": "Approval" }, "Rejected": { "Approve": "NoApproval" } }
            },
            "command-pipeline": {
              "TestCases": {
                "PersistConflict": { "Validate": "ValidateAccepts", "Persist": "PersistLosesTwiceThenDeclines" }
              }
            }
          },
          "MockedResponses": {
            "ChargeSucceeds": { "0": { "Return": { "amount": 10 } } },
            "ChargeBusyTwice": {
              "0-1": { "Throw": { "Error": "Busy", "Cause": "the card service is busy" } },
              "2": { "Return": { "amount": 12 } }
            },
            "ChargeDeclined": { "0": { "Throw": { "Error": "Declined", "Cause": "insufficient funds" } } },
            "Approval": { "0": { "Return": { "approved": true } } },
            "NoApproval": { "0": { "Throw": { "Error": "NotApproved", "Cause": "the manager said no" } } },
            "ValidateAccepts": { "0": { "Return": { "accepted": true, "rejection": null } } },
            "PersistLosesTwiceThenDeclines": {
              "0-1": { "Throw": { "Error": "ConcurrencyConflict", "Cause": "another command took the version" } },
              "2": { "Return": { "accepted": false, "commit": null,
                                 "rejection": { "reasons": [ { "code": "UnknownRoomType", "message": "the hotel has no room type 'moon'", "field": "$.roomType" } ] } } }
            }
          }
        }
        """;
}
