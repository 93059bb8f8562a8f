import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Authorized } from '@hotline/service-kit';
import { EVENT_LABELS, EventType } from '@hotline/contracts';
import { requireUser } from '@hotline/service-kit';
import type { SupervisionContext } from '../context';

type Ctx = SupervisionContext;
import { ClockDefinitionInput, ClockDefinitionNode, ClockEventOption, LadderStepInput, LadderStepNode } from '../graphql-types';
import { saveLadderStep } from '../urging/ladder';
import { LadderStep } from '../urging/ladder-step.entity';
import { ClockDefinition } from './clock-definition.entity';
import { CLOCK_TRIGGER_TYPES } from './definition-rules';
import { definitionHistory, saveDefinition } from './definition-store';

@Resolver()
export class DefinitionResolver {
  @Authorized(['admin', 'supervisor', 'leader'])
  @Query(() => [ClockDefinitionNode], { description: '时限规则：当前版本（key 给出时为该规则的全部版本）' })
  clockDefinitions(@Arg('key', () => String, { nullable: true }) key: string | null, @Ctx() ctx: Ctx): Promise<ClockDefinition[]> {
    requireUser(ctx);
    if (key) return definitionHistory(ctx.em, key);
    return ctx.em.find(ClockDefinition, { supersededAt: null }, { orderBy: { kind: 'asc', priority: 'desc', key: 'asc' } });
  }

  @Authorized(['admin', 'supervisor', 'leader'])
  @Query(() => [ClockEventOption], { description: '可用作时钟开始/暂停/恢复/停止/取消/重新计时的工单事件' })
  clockTriggerEvents(@Ctx() ctx: Ctx): ClockEventOption[] {
    requireUser(ctx);
    return CLOCK_TRIGGER_TYPES.map((type) => ({ type, label: EVENT_LABELS[type as EventType] ?? type }));
  }

  @Authorized(['admin'])
  @Mutation(() => ClockDefinitionNode, { description: '新建时限规则或保存为新版本（已计时的时钟仍按原版本）' })
  saveClockDefinition(@Arg('input', () => ClockDefinitionInput) input: ClockDefinitionInput, @Ctx() ctx: Ctx): Promise<ClockDefinition> {
    return saveDefinition(ctx.em, requireUser(ctx), JSON.parse(JSON.stringify(input)));
  }

  @Authorized(['admin', 'supervisor', 'leader'])
  @Query(() => [LadderStepNode], { description: '催办阶梯' })
  urgeLadder(@Ctx() ctx: Ctx): Promise<LadderStep[]> {
    requireUser(ctx);
    return ctx.em.find(LadderStep, {}, { orderBy: { sharePct: 'asc' } });
  }

  @Authorized(['admin'])
  @Mutation(() => LadderStepNode, { description: '新增或修改催办阶梯的一步（对此后开始或恢复计时的时钟生效）' })
  saveLadderStep(@Arg('input', () => LadderStepInput) input: LadderStepInput, @Ctx() ctx: Ctx): Promise<LadderStep> {
    return saveLadderStep(ctx.em, requireUser(ctx), JSON.parse(JSON.stringify(input)));
  }
}
