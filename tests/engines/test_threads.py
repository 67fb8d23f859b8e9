from edge.engines.threads import ThreadPlan, thread_plan, usable_cores


def test_generation_leaves_a_core_free_and_prompts_and_whisper_use_them_all():
    assert thread_plan(2) == ThreadPlan(llm_generation=1, llm_prompt=2, tts=1, stt=2)
    assert thread_plan(4) == ThreadPlan(llm_generation=3, llm_prompt=4, tts=2, stt=4)
    assert thread_plan(6) == ThreadPlan(llm_generation=5, llm_prompt=6, tts=3, stt=6)


def test_a_single_core_still_gets_one_thread_each():
    assert thread_plan(1) == ThreadPlan(llm_generation=1, llm_prompt=1, tts=1, stt=1)


def test_the_plan_is_made_for_the_cores_this_process_may_use():
    assert thread_plan() == thread_plan(usable_cores()) and usable_cores() >= 1
