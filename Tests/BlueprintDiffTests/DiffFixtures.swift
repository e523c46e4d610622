/// Pairs of blueprints with known changes, for the comparison tests.
enum DiffFixtures {
    static let before = """
    blueprint "Parcel return"
    persona "Ana"
    demand 6/h
    promise "Refund in 1h" from ask to refund within 1h
    promise "Label within 30m" from ask to label within 30m for 90%

    phase "Ask"
      evidence form "Return form", channel "web"
      customer ask "Ask for a return", evidence form
      frontstage check "Check the order", takes 5m, servers 2
      backstage stock "Update stock", takes 2m
    phase "Ship"
      customer drop "Drop the parcel", emotion -1
      frontstage label "Send a label", takes 10m, servers 2, fail "printer jam"
    phase "Refund"
      backstage refund "Refund the card", takes 20m
      customer survey "Answer a survey"

    ask -> check : "form"
    check -> label -> drop
    drop -> refund
    check ..> stock
    drop ..> stock
    """

    static let after = """
    blueprint "Parcel return"
    persona "Ana, 34"
    demand 9/h
    promise "Refund in 1h" from ask to refund within 1h
    promise "Label within 30m" from ask to label within 30m for 90%

    phase "Request"
      evidence form "Return form", channel "app"
      evidence receipt "Receipt e-mail"
      customer ask "Ask for a return", evidence form, moment
      frontstage review "Check the order", takes 5m, servers 2
      backstage stock "Update stock", takes 3m
    phase "Refund"
      backstage refund "Refund the card", takes 50m, evidence receipt
      support notify "Notify the warehouse", takes 1m
    phase "Ship"
      customer drop "Drop the parcel", emotion -1
      frontstage label "Send a label", takes 10m, servers 2, fail "printer jam" recover reprint
      frontstage reprint "Print again", takes 5m

    ask -> review : "form"
    review -> label -> drop
    drop -> refund : "scanned"
    review ..> stock
    refund ..> notify
    """

    /// `before` with its statements moved about, meaning the same thing.
    static let reordered = """
    blueprint "Parcel return"
    demand 6/h
    persona "Ana"
    promise "Refund in 1h" from ask to refund within 1h
    promise "Label within 30m" from ask to label within 30m for 90%
    check ..> stock
    drop -> refund
    drop ..> stock
    phase "Ask"
      frontstage check "Check the order", servers 2, takes 5m
      customer ask "Ask for a return", evidence form
      backstage stock "Update stock", takes 2m
      evidence form "Return form", channel "web"
    phase "Ship"
      frontstage label "Send a label", fail "printer jam", takes 10m, servers 2
      customer drop "Drop the parcel", emotion -1
    phase "Refund"
      customer survey "Answer a survey"
      backstage refund "Refund the card", takes 20m
    check -> label
    label -> drop
    ask -> check : "form"
    """

    static let chineseBefore = """
    blueprint "门诊挂号"
    locale zh-Hans
    promise "十分钟内挂号" from 到院 to 挂号 within 10m
    phase "到院"
      customer 到院 "到达医院"
      frontstage 分诊 "护士分诊", takes 3m
    phase "挂号"
      frontstage 挂号 "窗口挂号", takes 5m
    到院 -> 分诊 -> 挂号
    """

    static let chineseAfter = """
    blueprint "门诊挂号"
    locale zh-Hans
    promise "十分钟内挂号" from 到院 to 挂号 within 10m
    phase "到院"
      customer 到院 "到达医院"
      frontstage 分诊 "护士分诊", takes 3m
      frontstage 核验 "核验医保卡", takes 4m
    phase "挂号"
      frontstage 挂号 "窗口挂号", takes 5m
    到院 -> 分诊 -> 核验 -> 挂号
    """
}

extension DiffFixtures {
    /// `blueprint diff --format json` of `before` and `after`, as old.blueprint and new.blueprint.
    static let expectedJSON = #"""
    {
      "version": 1,
      "files": [
        {
          "old": "old.blueprint",
          "new": "new.blueprint",
          "changed": true,
          "brokenPromise": true,
          "newError": true,
          "metadata": [
            {
              "name": "persona",
              "before": "Ana",
              "after": "Ana, 34"
            },
            {
              "name": "demand",
              "before": "6/h",
              "after": "9/h"
            }
          ],
          "phases": [
            {
              "change": "renamed",
              "title": "Request",
              "before": "Ask"
            },
            {
              "change": "reordered",
              "title": "Request | Refund | Ship",
              "before": "Request | Ship | Refund"
            }
          ],
          "steps": [
            {
              "change": "changed",
              "id": "ask",
              "lane": "customer",
              "label": "Ask for a return",
              "attributes": [
                {
                  "name": "moment",
                  "before": null,
                  "after": "yes"
                }
              ]
            },
            {
              "change": "renamed",
              "id": "review",
              "before": "check",
              "lane": "frontstage",
              "label": "Check the order",
              "attributes": []
            },
            {
              "change": "changed",
              "id": "stock",
              "lane": "backstage",
              "label": "Update stock",
              "attributes": [
                {
                  "name": "takes",
                  "before": "2m",
                  "after": "3m"
                }
              ]
            },
            {
              "change": "changed",
              "id": "refund",
              "lane": "backstage",
              "label": "Refund the card",
              "attributes": [
                {
                  "name": "takes",
                  "before": "20m",
                  "after": "50m"
                },
                {
                  "name": "evidence",
                  "before": null,
                  "after": "receipt"
                }
              ]
            },
            {
              "change": "added",
              "id": "notify",
              "lane": "support",
              "label": "Notify the warehouse"
            },
            {
              "change": "changed",
              "id": "label",
              "lane": "frontstage",
              "label": "Send a label",
              "attributes": [
                {
                  "name": "fail",
                  "before": "\"printer jam\"",
                  "after": "\"printer jam\" recover reprint"
                }
              ]
            },
            {
              "change": "added",
              "id": "reprint",
              "lane": "frontstage",
              "label": "Print again"
            },
            {
              "change": "removed",
              "id": "survey",
              "lane": "customer",
              "label": "Answer a survey"
            }
          ],
          "evidence": [
            {
              "change": "changed",
              "id": "form",
              "lane": "evidence",
              "label": "Return form",
              "attributes": [
                {
                  "name": "channel",
                  "before": "web",
                  "after": "app"
                }
              ]
            },
            {
              "change": "added",
              "id": "receipt",
              "lane": "evidence",
              "label": "Receipt e-mail"
            }
          ],
          "flows": [
            {
              "change": "changed",
              "from": "drop",
              "to": "refund",
              "arrow": "->",
              "label": "scanned",
              "attributes": [
                {
                  "name": "label",
                  "before": null,
                  "after": "scanned"
                }
              ]
            },
            {
              "change": "added",
              "from": "refund",
              "to": "notify",
              "arrow": "..>",
              "label": null
            },
            {
              "change": "removed",
              "from": "drop",
              "to": "stock",
              "arrow": "..>",
              "label": null
            }
          ],
          "recoveries": [
            {
              "change": "added",
              "from": "label",
              "to": "reprint"
            }
          ],
          "promises": [
            {
              "name": "Refund in 1h",
              "changed": true,
              "before": {
                "from": "ask",
                "to": "refund",
                "within": 3600,
                "target": null,
                "worstCase": 2100,
                "status": "kept",
                "share": null,
                "worstPathTakes": 2100
              },
              "after": {
                "from": "ask",
                "to": "refund",
                "within": 3600,
                "target": null,
                "worstCase": 3900,
                "status": "broken",
                "share": null,
                "worstPathTakes": 3900
              }
            },
            {
              "name": "Label within 30m",
              "changed": false,
              "before": {
                "from": "ask",
                "to": "label",
                "within": 1800,
                "target": 90,
                "worstCase": 900,
                "status": "kept",
                "share": 1,
                "worstPathTakes": 900
              },
              "after": {
                "from": "ask",
                "to": "label",
                "within": 1800,
                "target": 90,
                "worstCase": 900,
                "status": "kept",
                "share": 1,
                "worstPathTakes": 900
              }
            }
          ],
          "capacity": [
            {
              "step": "review",
              "before": {
                "utilisation": 0.25,
                "queueWait": 20
              },
              "after": {
                "utilisation": 0.375,
                "queueWait": 49.1
              }
            },
            {
              "step": "label",
              "before": {
                "utilisation": 0.5,
                "queueWait": 200
              },
              "after": {
                "utilisation": 0.75,
                "queueWait": 771.4
              }
            }
          ],
          "diagnostics": {
            "introduced": [
              {
                "severity": "error",
                "rule": "promise-broken",
                "message": "promise \"Refund in 1h\" costs 1h 5m via ask → review → label → drop → refund, 5m over the promised 1h",
                "line": 4,
                "column": 1
              }
            ],
            "fixed": [
              {
                "severity": "warning",
                "rule": "fail-without-recovery",
                "message": "fail point \"printer jam\" on 'label' has no recovery: add 'recover STEP'",
                "line": 14,
                "column": 58
              },
              {
                "severity": "warning",
                "rule": "customer-without-touchpoint",
                "message": "customer step 'survey' has no touchpoint: no flow to or from a frontstage step and no 'evidence'",
                "line": 17,
                "column": 12
              },
              {
                "severity": "warning",
                "rule": "disconnected-step",
                "message": "customer step 'survey' is not joined to the journey that starts at 'ask': no flow or recovery link leads to it",
                "line": 17,
                "column": 12
              }
            ]
          },
          "summary": {
            "before": {
              "customerSteps": 3,
              "handOffsAcrossVisibility": 1,
              "momentsOfTruth": 0,
              "failPointsWithoutRecovery": 1
            },
            "after": {
              "customerSteps": 2,
              "handOffsAcrossVisibility": 1,
              "momentsOfTruth": 1,
              "failPointsWithoutRecovery": 0
            }
          }
        }
      ]
    }

    """#

    static let expectedChineseJSON = #"""
    {
      "version": 1,
      "files": [
        {
          "old": "old.blueprint",
          "new": "new.blueprint",
          "changed": true,
          "brokenPromise": true,
          "newError": true,
          "metadata": [],
          "phases": [],
          "steps": [
            {
              "change": "added",
              "id": "核验",
              "lane": "frontstage",
              "label": "核验医保卡"
            }
          ],
          "evidence": [],
          "flows": [
            {
              "change": "added",
              "from": "分诊",
              "to": "核验",
              "arrow": "->",
              "label": null
            },
            {
              "change": "added",
              "from": "核验",
              "to": "挂号",
              "arrow": "->",
              "label": null
            },
            {
              "change": "removed",
              "from": "分诊",
              "to": "挂号",
              "arrow": "->",
              "label": null
            }
          ],
          "recoveries": [],
          "promises": [
            {
              "name": "十分钟内挂号",
              "changed": true,
              "before": {
                "from": "到院",
                "to": "挂号",
                "within": 600,
                "target": null,
                "worstCase": 480,
                "status": "kept",
                "share": null,
                "worstPathTakes": 480
              },
              "after": {
                "from": "到院",
                "to": "挂号",
                "within": 600,
                "target": null,
                "worstCase": 720,
                "status": "broken",
                "share": null,
                "worstPathTakes": 720
              }
            }
          ],
          "capacity": [],
          "diagnostics": {
            "introduced": [
              {
                "severity": "error",
                "rule": "promise-broken",
                "message": "promise \"十分钟内挂号\" costs 12m via 到院 → 分诊 → 核验 → 挂号, 2m over the promised 10m",
                "line": 3,
                "column": 1
              }
            ],
            "fixed": []
          },
          "summary": {
            "before": {
              "customerSteps": 1,
              "handOffsAcrossVisibility": 0,
              "momentsOfTruth": 0,
              "failPointsWithoutRecovery": 0
            },
            "after": {
              "customerSteps": 1,
              "handOffsAcrossVisibility": 0,
              "momentsOfTruth": 0,
              "failPointsWithoutRecovery": 0
            }
          }
        }
      ]
    }

    """#

    static let expectedChineseText = #"""
    从 old.blueprint 到 new.blueprint 的变更

    步骤
    + 新增 frontstage 核验 "核验医保卡"

    流程线
    + 新增流程线 分诊 -> 核验
    + 新增流程线 核验 -> 挂号
    - 删除流程线 分诊 -> 挂号

    承诺
    ~ "十分钟内挂号"：最坏情况 8分钟 → 12分钟，时限 10分钟，已兑现 → 未兑现

    新增的检查结果
    + 3:1：错误 [promise-broken] 承诺 "十分钟内挂号" 经由 到院 → 分诊 → 核验 → 挂号 需要 12分钟，比承诺的 10分钟 多 2分钟

    摘要
      顾客步骤：1 → 1
      跨越可视线的交接：0 → 0
      关键时刻：0 → 0
      无补救的失误点：0 → 0
    ~ "十分钟内挂号" 最坏路径的用时：8分钟 → 12分钟

    """#
}
